#pragma once

#include "importers/orderfile.h"

namespace importers {

// Amazon order export: see ../shared/formats and the class comment in the .cpp.
class AmazonOrderReader final : public OrderFileReader
{
public:
    // Whether a header row is this format's (loosely: enough to say which channel
    // wrote it, so a missing required column gets its own message).
    static bool recognises(const ColumnMap &columns);
    // The first required column the header lacks, or empty.
    static QString missingColumn(const ColumnMap &columns);

    AmazonOrderReader(std::unique_ptr<CsvReader> csv, QStringList header, qint64 headerRow,
                      OrderFileOptions options);

    OrderFileFormat format() const override { return OrderFileFormat::Amazon; }
    bool next(models::ImportedOrder &order) override;

private:
    // Where each column sits; -1 when the report has no such column.
    struct Columns
    {
        int orderId = -1;
        int orderItemId = -1;
        int purchaseDate = -1;
        int paymentsDate = -1;
        int promiseDate = -1;
        int latestShipDate = -1;
        int orderStatus = -1;
        int itemStatus = -1;
        int buyerEmail = -1;
        int buyerName = -1;
        int buyerPhone = -1;
        int sku = -1;
        int productName = -1;
        int quantity = -1;
        int quantityShipped = -1;
        int currency = -1;
        int itemPrice = -1;
        int itemTax = -1;
        int shippingPrice = -1;
        int shippingTax = -1;
        int itemPromotionDiscount = -1;
        int shipPromotionDiscount = -1;
        int shipServiceLevel = -1;
        int recipientName = -1;
        int address1 = -1;
        int address2 = -1;
        int address3 = -1;
        int city = -1;
        int state = -1;
        int postalCode = -1;
        int country = -1;
        int shipPhone = -1;
        int deliveryInstructions = -1;
    };

    void startOrder(models::ImportedOrder &order);
    void addRow(models::ImportedOrder &order);
    std::optional<QDateTime> readDate(models::ImportedOrder &order, int column);
    qint64 readMoney(models::ImportedOrder &order, int column);
    void addError(models::ImportedOrder &order, int column, const QString &message);

    Columns m_column;
    CsvRecord m_record;        // the record being read; after next(), the next order's first
    bool m_haveRecord = false; // m_record holds a record not yet used
    int m_decimals = 2;        // of the current order's currency
    QString m_decimalsCurrency;
};

} // namespace importers
