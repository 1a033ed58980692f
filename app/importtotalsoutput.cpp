#include "app/importtotalsoutput.h"

#include "app/console.h"
#include "app/jsonwriter.h"

namespace app {

QByteArray jsonImportTotals(const models::ImportRunTotals &t, const char *rowKey)
{
    QByteArray out = ",\"orders_new\":" + QByteArray::number(t.ordersCreated) +
                     ",\"orders_updated\":" + QByteArray::number(t.ordersUpdated) +
                     ",\"orders_unchanged\":" + QByteArray::number(t.ordersUnchanged) +
                     ",\"lines\":" + QByteArray::number(t.lines) +
                     ",\"on_hold\":" + QByteArray::number(t.onHold) + ",\"errors\":[";
    for (qsizetype i = 0; i < t.errors.size(); ++i) {
        const models::ImportFieldError &e = t.errors.at(i);
        if (i > 0)
            out += ',';
        out += "{\"" + QByteArray(rowKey) + "\":" + QByteArray::number(e.row) +
               ",\"field\":" + jsonString(e.field) + ",\"message\":" + jsonString(e.message) + '}';
    }
    out += ']';
    return out;
}

void printFieldErrors(const models::ImportRunTotals &totals, const QString &rowWords,
                      const QString &wholeRecord)
{
    for (const models::ImportFieldError &e : totals.errors)
        printOut(
            QStringLiteral("%1, %2: %3")
                .arg(rowWords.arg(e.row), e.field.isEmpty() ? wholeRecord : e.field, e.message));
}

} // namespace app
