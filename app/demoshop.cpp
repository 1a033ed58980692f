#include "app/demoshop.h"

#include "app/demo/demoshopbuilder.h"
#include "storage/database.h"
#include "storage/sqlitebulkloader.h"

#include <QFile>
#include <QFileInfo>

namespace app {

using models::Error;
using models::Result;
using models::Status;

namespace {

void removeDatabaseFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

Result<DemoSummary> writeDemoShop(const QString &path, const DemoOptions &options,
                                  const DemoProgress &progress)
{
    if (options.orders < 0 || options.orders > 50'000'000)
        return Error{QStringLiteral("demo: --orders must be between 0 and 50,000,000")};
    if (options.products < 20 || options.products > 100'000)
        return Error{QStringLiteral("demo: products must be between 20 and 100,000")};
    DemoOptions opts = options;
    if (!opts.today.isValid())
        opts.today = QDateTime::currentDateTimeUtc().date();

    // Build beside the target and move it into place only when complete.
    const QString building = path + QStringLiteral(".building");
    removeDatabaseFiles(building);
    {
        Result<std::unique_ptr<storage::Database>> db = storage::Database::open(building);
        if (!db.ok())
            return Error{db.error()};
    }

    Result<DemoSummary> summary = Error{QString()};
    {
        Result<std::unique_ptr<storage::SqliteBulkLoader>> loader =
            storage::SqliteBulkLoader::open(building, storage::SqliteBulkLoader::Journal::Scratch);
        if (!loader.ok()) {
            removeDatabaseFiles(building);
            return Error{loader.error()};
        }
        storage::SqliteBulkLoader &l = *loader.value();
        if (Status s = l.begin(); !s) {
            removeDatabaseFiles(building);
            return Error{s.error()};
        }
        demo::DemoShopBuilder builder(l, opts);
        summary = builder.run(progress);
        if (summary.ok()) {
            if (Status s = l.commit(); !s)
                summary = Error{s.error()};
            else if (Status f = l.finish(); !f)
                summary = Error{f.error()};
        }
    }
    if (!summary.ok()) {
        removeDatabaseFiles(building);
        return summary;
    }

    removeDatabaseFiles(path);
    if (!QFile::rename(building, path)) {
        removeDatabaseFiles(building);
        return Error{QStringLiteral("demo: cannot move the new database to %1").arg(path)};
    }
    return summary;
}

} // namespace app
