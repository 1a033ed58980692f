#include "ui/importerrorcsv.h"

#include <QDir>
#include <QSaveFile>

namespace ui {

namespace {

QString csvCell(const QString &text)
{
    const QString cell = neutraliseSpreadsheetCell(text);
    const bool needsQuotes = cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) ||
                             cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return cell;
    QString quoted = cell;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvLine(const QStringList &cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString &cell : cells)
        out.append(csvCell(cell));
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace

QString neutraliseSpreadsheetCell(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    switch (cell.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return QLatin1Char('\'') + cell;
    default:
        return cell;
    }
}

QByteArray importErrorsCsv(const QList<ImportErrorRow> &rows)
{
    QString text = csvLine({QStringLiteral("file"), QStringLiteral("row"), QStringLiteral("field"),
                            QStringLiteral("message")});
    for (const ImportErrorRow &row : rows) {
        text +=
            csvLine({row.file, QString::number(row.error.row), row.error.field, row.error.message});
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

models::Status writeImportErrorsCsv(const QString &path, const QList<ImportErrorRow> &rows)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return models::Error{
            QStringLiteral("%1: cannot be written (%2)").arg(shown, file.errorString())};
    const QByteArray bytes = importErrorsCsv(rows);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return models::Error{
            QStringLiteral("%1: cannot be written (%2)").arg(shown, file.errorString())};
    return models::Status::success();
}

} // namespace ui
