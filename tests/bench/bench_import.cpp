// Times `backroom import` of a large Shopify export into a large shop, against
// SQLite's own CSV loader on the same file.
// Usage: bench_import --base PATH [--orders N] [--work DIR]
//   --base   a demo database (bench_demo --orders 1000000 --out PATH); only copied
//   --orders orders in the generated export (default 100,000; ~2.5 rows each)
//   --work   where the export and the database copies go (default /tmp/bench_import)
// Target: import time <= 0.5 x the time of `sqlite3 .import` of the same file.
// Peak memory (VmHWM) is per process: run it at 100,000 and at 200,000 orders to see
// that it does not grow with the file.
#include "importers/orderfileimport.h"
#include "storage/database.h"
#include "storage/sqlorderimportsink.h"
#include "storage/sqlrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <cstdio>

#include <sys/resource.h>
#include <unistd.h>

namespace {

constexpr char kShopifyHeader[] =
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,"
    "Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,"
    "Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,"
    "Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,"
    "Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,"
    "Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,"
    "Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,"
    "Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,"
    "Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,"
    "Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,"
    "Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,"
    "Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
    "Payment ID,Payment Terms Name,Next Payment Due At,Payment References";

struct Product
{
    QByteArray sku;
    QByteArray name;
    qint64 priceMinor = 0;
};

QByteArray money(qint64 minor)
{
    return QByteArray::number(minor / 100) + '.' +
           QByteArray::number(minor % 100).rightJustified(2, '0');
}

QByteArray csvField(const QByteArray &s)
{
    if (!s.contains(',') && !s.contains('"') && !s.contains('\n'))
        return s;
    QByteArray q = s;
    q.replace("\"", "\"\"");
    return '"' + q + '"';
}

// A Shopify orders export as the admin writes it: the first row of an order carries
// everything, the rows of its further lines only the name, e-mail, date and line.
qint64 writeShopifyExport(const QString &path, int orders, const QList<Product> &products)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray out = QByteArray(kShopifyHeader) + '\n';
    QRandomGenerator rng(42);
    const char *first[] = {"Olivia", "Noah", "Amelia", "George", "Isla", "Arthur", "Ava", "Leo"};
    const char *last[] = {"Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas"};
    const char *cities[] = {"London", "Leeds", "York", "Bristol", "Cardiff", "Glasgow"};
    qint64 rows = 0;
    for (int i = 0; i < orders; ++i) {
        const int lines = 1 + static_cast<int>(rng.bounded(4)); // 1-4, 2.5 on average
        const QByteArray name = "#B" + QByteArray::number(100000 + i);
        const QByteArray buyer = QByteArray(first[rng.bounded(8)]) + ' ' + last[rng.bounded(7)];
        const QByteArray email =
            buyer.toLower().replace(' ', '.') + QByteArray::number(i % 5000) + "@example.com";
        const QByteArray created = "2026-06-" +
                                   QByteArray::number(1 + i % 28).rightJustified(2, '0') + " 1" +
                                   QByteArray::number(i % 10) + ":2" + QByteArray::number(i % 10) +
                                   ":0" + QByteArray::number(i % 10) + " +0000";
        QList<int> picks;
        qint64 subtotal = 0;
        QList<int> quantities;
        for (int l = 0; l < lines; ++l) {
            picks.append(static_cast<int>(rng.bounded(static_cast<quint32>(products.size()))));
            quantities.append(1 + static_cast<int>(rng.bounded(3)));
            subtotal += products.at(picks.last()).priceMinor * quantities.last();
        }
        const qint64 shipping = 399;
        const qint64 tax = subtotal / 6;
        const QByteArray street =
            QByteArray::number(1 + i % 200) + " High Street, Flat " + QByteArray::number(1 + i % 9);
        const QByteArray city = cities[i % 6];
        const QByteArray zip =
            "LS" + QByteArray::number(1 + i % 20) + " " + QByteArray::number(i % 9) + "AB";
        for (int l = 0; l < lines; ++l) {
            const Product &p = products.at(picks.at(l));
            QList<QByteArray> c(79);
            c[0] = name;
            c[1] = email;
            c[15] = created;
            c[16] = QByteArray::number(quantities.at(l));
            c[17] = csvField(p.name);
            c[18] = money(p.priceMinor);
            c[20] = p.sku;
            c[21] = "true";
            c[22] = "true";
            c[23] = "pending";
            c[59] = "0.00";
            if (l == 0) {
                c[2] = i % 10 == 0 ? "pending" : "paid";
                c[3] = i % 10 == 0 ? QByteArray() : created;
                c[4] = "unfulfilled";
                c[6] = "no";
                c[7] = "GBP";
                c[8] = money(subtotal);
                c[9] = money(shipping);
                c[10] = money(tax);
                c[11] = money(subtotal + shipping);
                c[13] = "0.00";
                c[14] = "Standard";
                for (int b : {24, 34})
                    c[b] = buyer;
                for (int b : {25, 26, 35, 36})
                    c[b] = csvField(street);
                for (int b : {29, 39})
                    c[b] = city;
                for (int b : {30, 40})
                    c[b] = zip;
                for (int b : {32, 42})
                    c[b] = "GB";
                c[47] = "Shopify Payments";
                c[48] = "c" + QByteArray::number(20000000 + i) + ".1";
                c[49] = "0.00";
                c[51] = "0.00";
                c[55] = QByteArray::number(6000000000000LL + i);
                c[57] = "Low";
                c[58] = "web";
                c[60] = "VAT 20%";
                c[61] = money(tax);
            }
            out += c.join(',') + '\n';
            ++rows;
        }
        if (out.size() > (4 << 20)) {
            f.write(out);
            out.clear();
        }
    }
    f.write(out);
    return rows;
}

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

// Reads the file without writing: what the parse alone costs.
class CountingSink final : public models::OrderImportSink
{
public:
    models::Status begin(const models::ImportRunInfo &) override { return {}; }
    models::Result<models::ImportedOrderResult> write(const models::ImportedOrder &o) override
    {
        models::ImportedOrderResult r;
        r.outcome = models::ImportOutcome::Created;
        r.lines = static_cast<int>(o.lines.size());
        return r;
    }
    models::Status commit(const models::ImportRunTotals &) override { return {}; }
    void rollback() override {}
    models::Status recordRejected(const models::ImportRunInfo &, const models::ImportRunTotals &,
                                  const QString &, const QString &) override
    {
        return {};
    }
};

// The real sink with a stopwatch on its write() and commit().
class TimedSink final : public models::OrderImportSink
{
public:
    explicit TimedSink(models::OrderImportSink &sink) : m_sink(sink) {}
    models::Status begin(const models::ImportRunInfo &run) override { return m_sink.begin(run); }
    models::Result<models::ImportedOrderResult> write(const models::ImportedOrder &o) override
    {
        m_timer.start();
        auto r = m_sink.write(o);
        writeNs += m_timer.nsecsElapsed();
        return r;
    }
    models::Status commit(const models::ImportRunTotals &totals) override
    {
        m_timer.start();
        models::Status s = m_sink.commit(totals);
        commitNs += m_timer.nsecsElapsed();
        return s;
    }
    void rollback() override { m_sink.rollback(); }
    models::Status recordRejected(const models::ImportRunInfo &run,
                                  const models::ImportRunTotals &totals, const QString &status,
                                  const QString &message) override
    {
        return m_sink.recordRejected(run, totals, status, message);
    }
    qint64 writeNs = 0;
    qint64 commitNs = 0;

private:
    models::OrderImportSink &m_sink;
    QElapsedTimer m_timer;
};

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double seconds(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

void copyFile(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(to + suffix);
    if (!QFile::copy(from, to))
        qFatal("cannot copy %s to %s", qPrintable(from), qPrintable(to));
    QFile copy(to);
    copy.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // On disk before any timing starts: the kernel's write-back of a 2 GB copy would
    // otherwise stall the import's own writes.
    if (copy.open(QIODevice::ReadWrite))
        ::fsync(copy.handle());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString base;
    QString work = QStringLiteral("/tmp/bench_import");
    int orders = 100000;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--base"))
            base = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--orders"))
            orders = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--work"))
            work = args.at(i + 1);
    }
    if (base.isEmpty() || !QFileInfo::exists(base)) {
        std::fprintf(stderr, "usage: bench_import --base DEMO.db [--orders N] [--work DIR]\n");
        return 2;
    }
    QDir().mkpath(work);
    const QString migrated = work + QStringLiteral("/base-migrated.db");
    const QString target = work + QStringLiteral("/import.db");
    const QString csv = work + QStringLiteral("/shopify_%1.csv").arg(orders);
    const QString bare = work + QStringLiteral("/sqlite3_import.db");

    // The base at this build's schema, made once (the upgrade copies the file first).
    if (!QFileInfo::exists(migrated)) {
        copyFile(base, migrated);
        auto db = storage::Database::open(migrated);
        if (!db)
            qFatal("%s", qPrintable(db.error()));
        QFile::remove(db.value()->migrationReport().backupPath);
    }
    QList<Product> products;
    qint64 baseOrders = 0;
    {
        auto db = storage::Database::open(migrated);
        if (!db)
            qFatal("%s", qPrintable(db.error()));
        auto q = storage::runQuery(db.value()->connection(),
                                   QStringLiteral("SELECT sku, name, price_minor FROM products"));
        while (q.value().next())
            products.append({q.value().value(0).toString().toUtf8(),
                             q.value().value(1).toString().toUtf8(),
                             q.value().value(2).toLongLong()});
        baseOrders = storage::queryScalar(db.value()->connection(),
                                          QStringLiteral("SELECT COUNT(*) FROM orders"))
                         .value()
                         .toLongLong();
    }

    QElapsedTimer t;
    t.start();
    const qint64 rows = writeShopifyExport(csv, orders, products);
    std::printf("export: %d orders, %lld rows, %.1f MB, written in %.2f s; shop: %lld orders\n",
                orders, static_cast<long long>(rows),
                static_cast<double>(QFileInfo(csv).size()) / 1e6, seconds(t),
                static_cast<long long>(baseOrders));

    // SQLite's own loader: the file into a bare table of a new database file.
    for (const QString &suffix : {QString(), QStringLiteral("-journal")})
        QFile::remove(bare + suffix);
    t.restart();
    const int rc =
        QProcess::execute(QStringLiteral("sqlite3"), {bare, QStringLiteral(".mode csv"),
                                                      QStringLiteral(".import %1 t").arg(csv)});
    const double sqliteSeconds = seconds(t);
    if (rc != 0)
        qFatal("sqlite3 .import failed (%d): install the sqlite3 package", rc);
    std::printf("sqlite3 .import:            %7.2f s\n", sqliteSeconds);

    importers::OrderFileOptions options;
    const QString user = QStringLiteral("bench");

    // Parse alone.
    {
        CountingSink counting;
        t.restart();
        const auto report = importers::importOrderFile(csv, counting, options, user);
        const double parse = seconds(t);
        if (report.status != importers::ImportFileReport::Status::Imported)
            qFatal("parse: %s", qPrintable(report.message));
        std::printf("parse only (no-op sink):    %7.2f s  (%d orders, %d lines, %lld errors)\n",
                    parse, report.totals.ordersCreated, report.totals.lines,
                    static_cast<long long>(report.totals.errors.size()));
    }

    copyFile(migrated, target);
    double first = 0;
    {
        auto sink = storage::SqlOrderImportSink::open(target);
        if (!sink)
            qFatal("%s", qPrintable(sink.error()));
        TimedSink timed(*sink.value());
        const double cpuBefore = cpuSeconds();
        t.restart();
        const auto report = importers::importOrderFile(csv, timed, options, user);
        first = seconds(t);
        if (report.status != importers::ImportFileReport::Status::Imported)
            qFatal("import: %s", qPrintable(report.message));
        std::printf("import into the shop:       %7.2f s  (%d new, %d on hold, %d lines) "
                    "%.0f orders/s\n",
                    first, report.totals.ordersCreated, report.totals.onHold, report.totals.lines,
                    orders / first);
        std::printf("  of which write() %.2f s, commit %.2f s, the rest (read, parse) %.2f s; "
                    "CPU %.2f s\n",
                    static_cast<double>(timed.writeNs) / 1e9,
                    static_cast<double>(timed.commitNs) / 1e9,
                    first - static_cast<double>(timed.writeNs + timed.commitNs) / 1e9,
                    cpuSeconds() - cpuBefore);

        t.restart();
        const auto again = importers::importOrderFile(csv, *sink.value(), options, user);
        const double second = seconds(t);
        std::printf("same file again:            %7.2f s  (%d unchanged, %d new, %d updated)\n",
                    second, again.totals.ordersUnchanged, again.totals.ordersCreated,
                    again.totals.ordersUpdated);
    }
    std::printf("ratio import / sqlite3:     %7.2f   (target <= 0.50)\n", first / sqliteSeconds);
    std::printf("peak RSS (VmHWM):           %7.1f MB at %d orders\n",
                static_cast<double>(peakRssKiB()) / 1024.0, orders);
    return 0;
}
