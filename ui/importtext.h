#pragma once

#include "importers/orderfileimport.h"
#include "models/importedorder.h"

#include <QList>
#include <QString>

namespace ui {

// The words an import shows people: no widgets here, so the status bar, the
// dialog and a later command-line summary say the same thing.

// What the customer bought: the quantities of the order's lines added up.
int importedItemCount(const models::ImportedOrder &order);
// "£42.12"; "—" when the file carries no prices for the order.
QString importedOrderTotal(const models::ImportedOrder &order);
// Empty for a clean order; otherwise why it will be held, e.g.
// "On hold: Lineitem quantity: not a whole number (and 2 more)".
QString importedOrderHoldWarning(const models::ImportedOrder &order);
// Every field error of the order, one per line, for a tooltip.
QString importedOrderErrorList(const models::ImportedOrder &order);

// "12 orders", "1 order": a count with its noun, grouped ("1,024 orders").
QString countedNoun(qint64 n, const QString &singular, const QString &plural);
// "512 bytes", then kilobytes, megabytes, gigabytes of 1024 (one decimal).
QString formatFileSize(qint64 bytes);

// An importer's message shown beside the file's name: its leading "file NAME: "
// (or "file NAME, ") is dropped and the rest starts with a capital, e.g.
// "Row 1: the Shopify export has no "Lineitem sku" column".
QString messageBesideFileName(const QString &message, const QString &fileName);

// "Imported", "Rejected", "Cancelled".
QString importStatusName(importers::ImportFileReport::Status status);
// One sentence for the whole run, e.g. "Imported 2 files: 12 new orders,
// 3 updated, 1 unchanged; 2 on hold." or "Nothing was imported: 1 file rejected."
QString importRunSentence(const QList<importers::ImportFileReport> &reports);

} // namespace ui
