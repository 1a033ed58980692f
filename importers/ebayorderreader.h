#pragma once

#include "importers/orderfile.h"

#include <QList>

namespace importers {

// eBay Seller Hub orders report ("All orders" download): see
// ../shared/formats/ebay_orders_report.md and the comment at the top of the .cpp.
class EbayOrderReader final : public OrderFileReader
{
public:
    // Whether a header row is this format's (loosely: enough to say which channel
    // wrote it, so a missing required column gets its own message).
    static bool recognises(const ColumnMap &columns);
    // The first required column the header lacks, or empty.
    static QString missingColumn(const ColumnMap &columns);

    EbayOrderReader(std::unique_ptr<CsvReader> csv, QStringList header, qint64 headerRow,
                    OrderFileOptions options);

    OrderFileFormat format() const override { return OrderFileFormat::Ebay; }
    bool next(models::ImportedOrder &order) override;

    // Where each column the reader uses sits; -1 when the file has none.
    struct Columns
    {
        int salesRecord = -1;
        int orderNumber = -1;
        int buyerUsername = -1;
        int buyerName = -1;
        int buyerEmail = -1;
        int buyerNote = -1;
        int shipName = -1;
        int shipPhone = -1;
        int shipAddress1 = -1;
        int shipAddress2 = -1;
        int shipCity = -1;
        int shipRegion = -1;
        int shipPostcode = -1;
        int shipCountry = -1;
        int itemNumber = -1;
        int itemTitle = -1;
        int customLabel = -1;
        int quantity = -1;
        int soldFor = -1;
        int shipping = -1;
        int sellerTax = -1;
        int ebayTax = -1;
        int ebayCharges = -1;
        QList<int> fees; // recycling and other fees eBay collects on top
        int totalPrice = -1;
        int saleDate = -1;
        int paidDate = -1;
        int shipByDate = -1;
        int shippedDate = -1;
        int shippingService = -1;
        int transactionId = -1;
        int variation = -1;
    };

private:
    bool readDataRecord(CsvRecord &record);
    bool continuesOrder(const CsvRecord &first, const CsvRecord &record) const;

    Columns m_columns;
    QString m_defaultCurrency;
    // The first record of the next order, read while looking for the end of
    // the current one.
    CsvRecord m_pending;
    bool m_hasPending = false;
    // Past the footer ("N record(s) downloaded", "Seller ID : x"): rows without
    // an order number are more footer, not strays.
    bool m_inFooter = false;
};

} // namespace importers
