#include "ui/importerrorcsv.h"

#include <QDir>
#include <QSaveFile>

namespace ui {

namespace {

QString csvLine(const QStringList &cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString &cell : cells)
        out.append(importers::spreadsheetCsvCell(cell));
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace

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
