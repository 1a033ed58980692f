#include "app/commands.h"
#include "app/console.h"
#include "app/jsonwriter.h"
#include "app/opendatabase.h"
#include "app/osuser.h"
#include "storage/database.h"
#include "storage/sqlreturns.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace app {

namespace {

QByteArray jsonTime(const QDateTime &t)
{
    return t.isValid() ? jsonString(t.toUTC().toString(Qt::ISODate)) : QByteArrayLiteral("null");
}

QByteArray jsonLine(const models::ReturnListRow &r)
{
    QByteArray o = "{";
    o += "\"id\":" + QByteArray::number(r.id);
    o += ",\"rma_number\":" +
         (r.rmaNumber.isEmpty() ? QByteArrayLiteral("null") : jsonString(r.rmaNumber));
    o += ",\"status\":" + jsonString(models::returnStatusCode(r.status));
    o += ",\"order_number\":" + jsonString(r.orderNumber);
    o += ",\"customer\":" + jsonString(r.customerName);
    o += ",\"reason\":" + jsonString(r.reason);
    o += ",\"units\":" + QByteArray::number(r.units);
    o += ",\"units_received\":" + QByteArray::number(r.unitsReceived);
    o += ",\"location\":" +
         (r.locationCode.isEmpty() ? QByteArrayLiteral("null") : jsonString(r.locationCode));
    o += ",\"refund_minor\":" + QByteArray::number(r.refund.minorUnits());
    o += ",\"currency\":" + jsonString(r.refund.currency());
    o += ",\"requested_at\":" + jsonTime(r.requestedAtUtc);
    o += ",\"received_at\":" + jsonTime(r.receivedAtUtc);
    o += ",\"refunded_at\":" + jsonTime(r.refundedAtUtc);
    o += "}";
    return o;
}

QString cell(const QString &text, int width)
{
    return text.size() > width ? text.left(width - 1) + QChar(0x2026) : text.leftJustified(width);
}

} // namespace

int runReturnsCommand(const CommandLine &cl)
{
    std::optional<models::ReturnStatus> status;
    if (!cl.status.isEmpty()) {
        status = models::returnStatusFromCode(cl.status.trimmed().toLower());
        if (!status) {
            QStringList allowed;
            for (models::ReturnStatus s : models::allReturnStatuses())
                allowed.append(models::returnStatusCode(s));
            printError(QStringLiteral("returns list: unknown status \"%1\"; use one of: %2")
                           .arg(cl.status, allowed.join(QStringLiteral(", "))));
            return 2;
        }
    }
    const OpenedDatabase opened =
        openExistingDatabase(cl.databasePath, QStringLiteral("returns list"));
    if (!opened.database)
        return 1;
    storage::SqlReturns returns(opened.database->connection(), osUserName());
    models::ReturnListFilter filter;
    filter.status = status;
    filter.limit = std::numeric_limits<int>::max();
    const models::Result<QList<models::ReturnListRow>> rows = returns.listReturns(filter);
    if (!rows.ok()) {
        printError(QStringLiteral("returns list: %1").arg(rows.error()));
        return 1;
    }
    if (cl.json) {
        for (const models::ReturnListRow &r : rows.value()) {
            const QByteArray line = jsonLine(r) + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        }
        std::fflush(stdout);
        return 0;
    }
    if (rows->isEmpty()) {
        printOut(status ? QStringLiteral("No return is %1.").arg(models::returnStatusCode(*status))
                        : QStringLiteral("No returns yet."));
        return 0;
    }
    const QLocale en(QLocale::English);
    printOut(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(cell(QStringLiteral("RMA"), 12), cell(QStringLiteral("Status"), 14),
                      cell(QStringLiteral("Order"), 14), cell(QStringLiteral("Customer"), 22),
                      cell(QStringLiteral("Reason"), 16), cell(QStringLiteral("Units"), 7),
                      cell(QStringLiteral("Loc"), 5), QStringLiteral("Refund").rightJustified(10),
                      QStringLiteral("  Requested")));
    for (const models::ReturnListRow &r : rows.value()) {
        const QString rma =
            r.rmaNumber.isEmpty() ? QStringLiteral("(req %1)").arg(r.id) : r.rmaNumber;
        const QString units = QStringLiteral("%1/%2").arg(r.unitsReceived).arg(r.units);
        printOut(
            QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                .arg(
                    cell(rma, 12), cell(models::returnStatusCode(r.status), 14),
                    cell(r.orderNumber, 14), cell(r.customerName, 22), cell(r.reason, 16),
                    cell(units, 7), cell(r.locationCode, 5),
                    (r.refund.isZero() ? QString() : r.refund.toDisplayString()).rightJustified(10),
                    QStringLiteral("  ") +
                        r.requestedAtUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd"))));
    }
    printOut(QStringLiteral("%1 return(s)").arg(en.toString(rows->size())));
    return 0;
}

} // namespace app
