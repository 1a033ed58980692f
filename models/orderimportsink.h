#pragma once

#include "models/importedorder.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace models {

// What a file import is, for the run record.
struct ImportRunInfo
{
    QString fileName;   // as the user gave it (base name is enough for people)
    QString formatCode; // "shopify", "amazon", "ebay": also the channel's code
    QStringList header; // the file's header row, so stored source rows can be re-read
    QString userName;
    QDateTime startedAtUtc;
    // "file" (an export file) or "api" (pulled from the channel's API: fileName then
    // names the source, e.g. "orders API of shop.myshopify.com", and each order's
    // source record is its JSON, kept as it is).
    QString source = QStringLiteral("file");
};

// What writing one order did.
enum class ImportOutcome
{
    Created,   // a new order
    Updated,   // an order already stored changed (an event says how)
    Unchanged, // the same as stored: nothing written
};

struct ImportedOrderResult
{
    ImportOutcome outcome = ImportOutcome::Unchanged;
    bool onHold = false; // stored on hold (unknown SKU, broken field)
    int lines = 0;       // lines the order has in the file
};

// The counts a run ends with.
struct ImportRunTotals
{
    QString fileSha256; // hex, of the file's bytes as read
    qint64 rowsRead = 0;
    int ordersCreated = 0;
    int ordersUpdated = 0;
    int ordersUnchanged = 0;
    int lines = 0;
    int onHold = 0;
    QList<ImportFieldError> errors; // every row error of the file, stray ones too
};

// Where an import writes: one file is one transaction. begin() opens it, write()
// stores orders idempotently (keyed by channel + external id, lines by their
// channel line id or position), commit() records the run and makes it all
// visible at once; rollback() (or destruction without commit) leaves the
// database as it was before begin(). storage/ implements it; importers/ drives it.
class OrderImportSink
{
public:
    virtual ~OrderImportSink() = default;

    virtual Status begin(const ImportRunInfo &run) = 0;
    virtual Result<ImportedOrderResult> write(const ImportedOrder &order) = 0;
    virtual Status commit(const ImportRunTotals &totals) = 0;
    virtual void rollback() = 0;
    // A rejected or cancelled file is still recorded (its own small transaction,
    // after rollback), so the owner sees the attempt and why.
    virtual Status recordRejected(const ImportRunInfo &run, const ImportRunTotals &totals,
                                  const QString &status, const QString &message) = 0;
};

} // namespace models
