#pragma once

#include "importers/orderfile.h"

#include <QHash>

namespace importers {

// Shopify order export: see ../shared/formats and the class comment in the .cpp.
class ShopifyOrderReader final : public OrderFileReader
{
public:
    // Whether a header row is this format's (loosely: enough to say which channel
    // wrote it, so a missing required column gets its own message).
    static bool recognises(const ColumnMap &columns);
    // The first required column the header lacks, or empty.
    static QString missingColumn(const ColumnMap &columns);

    ShopifyOrderReader(std::unique_ptr<CsvReader> csv, QStringList header, qint64 headerRow,
                       OrderFileOptions options);

    OrderFileFormat format() const override { return OrderFileFormat::Shopify; }
    bool next(models::ImportedOrder &order) override;

private:
    // Where each column sits; -1 when the file has no such column.
    struct Columns
    {
        int name = -1;
        int id = -1;
        int email = -1;
        int phone = -1;
        int financialStatus = -1;
        int paidAt = -1;
        int fulfillmentStatus = -1;
        int currency = -1;
        int subtotal = -1;
        int shipping = -1;
        int taxes = -1;
        int total = -1;
        int discountAmount = -1;
        int shippingMethod = -1;
        int createdAt = -1;
        int cancelledAt = -1;
        int refundedAmount = -1;
        int notes = -1;
        int lineQuantity = -1;
        int lineName = -1;
        int linePrice = -1;
        int lineSku = -1;
        int lineDiscount = -1;
        int lineFulfillmentStatus = -1;
        int billingName = -1;
        int billingPhone = -1;
        int shippingName = -1;
        int shippingStreet = -1;
        int shippingAddress1 = -1;
        int shippingAddress2 = -1;
        int shippingCompany = -1;
        int shippingCity = -1;
        int shippingZip = -1;
        int shippingProvince = -1;
        int shippingProvinceName = -1;
        int shippingCountry = -1;
        int shippingPhone = -1;
    };

    void startOrder(models::ImportedOrder &order);
    void addLine(models::ImportedOrder &order);
    std::optional<QDateTime> readDate(models::ImportedOrder &order, int column);
    qint64 readMoney(models::ImportedOrder &order, int column);
    void addError(models::ImportedOrder &order, int column, const QString &message);

    Columns m_column;
    CsvRecord m_record;        // the record being read; after next(), the next order's first
    bool m_haveRecord = false; // m_record holds a record not yet used
    int m_decimals = 2;        // of the current order's currency
    QString m_decimalsCurrency;
    QHash<QString, bool> m_fastShippingMethods; // whether a Shipping Method names a fast service
};

} // namespace importers
