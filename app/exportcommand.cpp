#include "app/commands.h"
#include "app/console.h"
#include "app/jsonwriter.h"
#include "app/opendatabase.h"
#include "storage/database.h"
#include "storage/sqlorderexport.h"

#include <QFile>
#include <QSaveFile>

namespace app {

namespace {

// Collects output and hands it to the device in large pieces.
class Output
{
public:
    explicit Output(QIODevice &device) : m_device(device) {}
    Output &operator<<(const QByteArray &bytes)
    {
        m_buffer += bytes;
        if (m_buffer.size() > (1 << 20))
            flush();
        return *this;
    }
    Output &operator<<(const char *text) { return *this << QByteArray(text); }
    bool flush()
    {
        if (!m_buffer.isEmpty() && m_device.write(m_buffer) != m_buffer.size())
            m_failed = true;
        m_buffer.clear();
        return !m_failed;
    }
    bool failed() const { return m_failed; }

private:
    QIODevice &m_device;
    QByteArray m_buffer;
    bool m_failed = false;
};

QByteArray number(qint64 v)
{
    return QByteArray::number(v);
}

void writeJsonOrder(Output &out, const storage::ExportedOrder &o, bool first)
{
    auto text = [](const QString &s) { return s.isNull() ? QByteArray("null") : jsonString(s); };
    out << (first ? "{" : ",{") << "\"channel\":" << jsonString(o.channel)
        << ",\"number\":" << jsonString(o.number) << ",\"external_id\":" << jsonString(o.externalId)
        << ",\"status\":" << jsonString(o.status) << ",\"hold_reason\":" << text(o.holdReason)
        << ",\"placed_at\":" << jsonString(o.placedAt) << ",\"currency\":" << jsonString(o.currency)
        << ",\"subtotal_minor\":" << number(o.subtotalMinor)
        << ",\"shipping_minor\":" << number(o.shippingMinor)
        << ",\"tax_minor\":" << number(o.taxMinor)
        << ",\"discount_minor\":" << number(o.discountMinor)
        << ",\"total_minor\":" << number(o.totalMinor)
        << ",\"refunded_minor\":" << number(o.refundedMinor)
        << ",\"payment_status\":" << text(o.paymentStatus)
        << ",\"buyer_name\":" << text(o.buyerName) << ",\"buyer_email\":" << text(o.buyerEmail)
        << ",\"ship_name\":" << text(o.shipName) << ",\"ship_company\":" << text(o.shipCompany)
        << ",\"ship_line1\":" << text(o.shipLine1) << ",\"ship_line2\":" << text(o.shipLine2)
        << ",\"ship_city\":" << text(o.shipCity) << ",\"ship_region\":" << text(o.shipRegion)
        << ",\"ship_postal_code\":" << text(o.shipPostcode)
        << ",\"ship_country\":" << text(o.shipCountry) << ",\"lines\":[";
    for (qsizetype i = 0; i < o.lines.size(); ++i) {
        const storage::ExportedOrderLine &l = o.lines.at(i);
        out << (i > 0 ? ",{" : "{") << "\"sku\":" << jsonString(l.sku)
            << ",\"title\":" << jsonString(l.title) << ",\"quantity\":" << number(l.quantity)
            << ",\"unit_price_minor\":" << number(l.unitPriceMinor)
            << ",\"total_minor\":" << number(l.totalMinor)
            << ",\"external_line_id\":" << text(l.externalLineId) << "}";
    }
    out << "]}";
}

const char kCsvHeader[] =
    "channel,number,external_id,status,hold_reason,placed_at,currency,subtotal_minor,"
    "shipping_minor,tax_minor,discount_minor,total_minor,refunded_minor,payment_status,"
    "buyer_name,buyer_email,ship_name,ship_company,ship_line1,ship_line2,ship_city,ship_region,"
    "ship_postal_code,ship_country,line_no,sku,title,quantity,unit_price_minor,"
    "line_total_minor\r\n";

// One row per line, the order's columns repeated; an order without lines is one row.
void writeCsvOrder(Output &out, const storage::ExportedOrder &o)
{
    QByteArray head;
    for (const QString *s :
         {&o.channel, &o.number, &o.externalId, &o.status, &o.holdReason, &o.placedAt, &o.currency})
        head += csvCell(*s) + ',';
    for (qint64 v : {o.subtotalMinor, o.shippingMinor, o.taxMinor, o.discountMinor, o.totalMinor,
                     o.refundedMinor})
        head += csvCell(v) + ',';
    for (const QString *s :
         {&o.paymentStatus, &o.buyerName, &o.buyerEmail, &o.shipName, &o.shipCompany, &o.shipLine1,
          &o.shipLine2, &o.shipCity, &o.shipRegion, &o.shipPostcode, &o.shipCountry})
        head += csvCell(*s) + ',';
    if (o.lines.isEmpty()) {
        out << head << ",,,,,\r\n";
        return;
    }
    for (const storage::ExportedOrderLine &l : o.lines)
        out << head << csvCell(l.lineNo) << "," << csvCell(l.sku) << "," << csvCell(l.title) << ","
            << csvCell(l.quantity) << "," << csvCell(l.unitPriceMinor) << ","
            << csvCell(l.totalMinor) << "\r\n";
}

} // namespace

int runExportCommand(const CommandLine &cl)
{
    if (cl.what == QLatin1String("shipments"))
        return runExportShipmentsCommand(cl);
    if (cl.what == QLatin1String("stock"))
        return runExportStockCommand(cl);
    const OpenedDatabase opened = openExistingDatabase(cl.databasePath, QStringLiteral("export"));
    if (!opened.database)
        return 2;
    const bool csv = cl.format == QLatin1String("csv");

    // A file appears whole or not at all; standard output streams as it goes.
    QFile stdoutFile;
    QSaveFile saveFile(cl.out);
    QIODevice *device = nullptr;
    if (cl.out.isEmpty()) {
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            printError(QStringLiteral("export: cannot write to standard output"));
            return 2;
        }
        device = &stdoutFile;
    } else {
        if (!saveFile.open(QIODevice::WriteOnly)) {
            printError(
                QStringLiteral("export: cannot write %1: %2").arg(cl.out, saveFile.errorString()));
            return 2;
        }
        device = &saveFile;
    }

    Output out(*device);
    bool first = true;
    out << (csv ? kCsvHeader : "{\"orders\":[");
    const models::Status exported = storage::exportOrders(opened.database->connection(), cl.channel,
                                                          [&](const storage::ExportedOrder &o) {
                                                              if (csv)
                                                                  writeCsvOrder(out, o);
                                                              else
                                                                  writeJsonOrder(out, o, first);
                                                              first = false;
                                                              return !out.failed();
                                                          });
    if (!csv)
        out << "]}\n";
    if (!exported) {
        printError(exported.error());
        return 2;
    }
    if (!out.flush() || (!cl.out.isEmpty() && !saveFile.commit())) {
        printError(QStringLiteral("export: writing %1 failed")
                       .arg(cl.out.isEmpty() ? QStringLiteral("standard output") : cl.out));
        return 2;
    }
    stdoutFile.flush();
    return 0;
}

} // namespace app
