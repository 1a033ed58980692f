#include "ui/importtext.h"

#include "models/money.h"
#include "ui/countformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace ui {

using importers::ImportFileReport;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ImportText", text);
}

} // namespace

int importedItemCount(const models::ImportedOrder &order)
{
    int items = 0;
    for (const models::ImportedLine &line : order.lines)
        items += line.quantity;
    return items;
}

QString importedOrderTotal(const models::ImportedOrder &order)
{
    if (!order.hasPrices)
        return QStringLiteral("—");
    return models::Money(order.totalMinor, order.currency).toDisplayString();
}

QString importedOrderHoldWarning(const models::ImportedOrder &order)
{
    if (order.errors.isEmpty())
        return {};
    const models::ImportFieldError &first = order.errors.constFirst();
    QString text = first.field.isEmpty() ? tr("On hold: %1").arg(first.message)
                                         : tr("On hold: %1: %2").arg(first.field, first.message);
    if (order.errors.size() > 1)
        text += tr(" (and %1 more)").arg(order.errors.size() - 1);
    return text;
}

QString importedOrderErrorList(const models::ImportedOrder &order)
{
    QStringList lines;
    for (const models::ImportFieldError &error : order.errors) {
        lines.append(error.field.isEmpty()
                         ? tr("Row %1: %2").arg(error.row).arg(error.message)
                         : tr("Row %1, %2: %3").arg(error.row).arg(error.field, error.message));
    }
    return lines.join(QLatin1Char('\n'));
}

QString countedNoun(qint64 n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(formatCount(n), n == 1 ? singular : plural);
}

QString formatFileSize(qint64 bytes)
{
    // Grouping and the decimal point as people expect; under the C locale (CI),
    // English, as formatCount() does.
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    if (bytes < 1024)
        return countedNoun(bytes, tr("byte"), tr("bytes"));
    return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString messageBesideFileName(const QString &message, const QString &fileName)
{
    QString text = message;
    const QString prefix = QStringLiteral("file ") + fileName;
    if (text.startsWith(prefix + QStringLiteral(": ")) ||
        text.startsWith(prefix + QStringLiteral(", ")))
        text.remove(0, prefix.size() + 2);
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString importStatusName(ImportFileReport::Status status)
{
    switch (status) {
    case ImportFileReport::Status::Imported:
        return tr("Imported");
    case ImportFileReport::Status::Rejected:
        return tr("Rejected");
    case ImportFileReport::Status::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString importRunSentence(const QList<ImportFileReport> &reports)
{
    int imported = 0;
    int rejected = 0;
    int cancelled = 0;
    qint64 created = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 onHold = 0;
    for (const ImportFileReport &report : reports) {
        switch (report.status) {
        case ImportFileReport::Status::Imported:
            ++imported;
            created += report.totals.ordersCreated;
            updated += report.totals.ordersUpdated;
            unchanged += report.totals.ordersUnchanged;
            onHold += report.totals.onHold;
            break;
        case ImportFileReport::Status::Rejected:
            ++rejected;
            break;
        case ImportFileReport::Status::Cancelled:
            ++cancelled;
            break;
        }
    }

    QStringList notImported;
    if (rejected > 0)
        notImported.append(tr("%1 rejected").arg(countedNoun(rejected, tr("file"), tr("files"))));
    if (cancelled > 0)
        notImported.append(tr("%1 cancelled").arg(countedNoun(cancelled, tr("file"), tr("files"))));

    if (imported == 0) {
        if (cancelled > 0 && rejected == 0)
            return tr("Import cancelled: nothing was imported.");
        return tr("Nothing was imported: %1.").arg(notImported.join(tr(", ")));
    }

    QStringList changes;
    if (created > 0)
        changes.append(countedNoun(created, tr("new order"), tr("new orders")));
    if (updated > 0)
        changes.append(tr("%1 updated").arg(formatCount(updated)));
    if (unchanged > 0)
        changes.append(tr("%1 unchanged").arg(formatCount(unchanged)));
    QString sentence = tr("Imported %1: %2")
                           .arg(countedNoun(imported, tr("file"), tr("files")),
                                changes.isEmpty() ? tr("no orders") : changes.join(tr(", ")));
    if (onHold > 0)
        sentence += tr("; %1 on hold").arg(formatCount(onHold));
    if (!notImported.isEmpty())
        sentence += tr("; %1").arg(notImported.join(tr(", ")));
    return sentence + QLatin1Char('.');
}

} // namespace ui
