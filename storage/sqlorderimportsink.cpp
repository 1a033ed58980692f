#include "storage/sqlorderimportsink.h"

#include "models/channel.h"

#include "models/importrules.h"
#include "models/money.h"
#include "storage/database.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlrun.h"

#include <QCryptographicHash>
#include <QSet>

#include <array>

namespace storage {

using models::Error;
using models::ImportedLine;
using models::ImportedOrder;
using models::ImportedOrderResult;
using models::ImportOutcome;
using models::Result;
using models::Status;

namespace {

// Bumped whenever what goes into the content hash changes, so older hashes simply
// differ (one update each) instead of matching by accident.
constexpr char16_t kHashVersion[] = u"backroom-import-1";

// A CSV record as text: fields quoted only when they must be, quotes doubled.
void appendCsvRecord(QString &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        const QString &f = fields.at(i);
        const bool quote = f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"')) ||
                           f.contains(QLatin1Char('\n')) || f.contains(QLatin1Char('\r'));
        if (!quote) {
            out += f;
            continue;
        }
        out += QLatin1Char('"');
        for (QChar c : f) {
            if (c == QLatin1Char('"'))
                out += QLatin1Char('"');
            out += c;
        }
        out += QLatin1Char('"');
    }
}

// The same record as appendCsvRecord(), as UTF-8: each field is looked at once.
void appendCsvRecordUtf8(QByteArray &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        const QString &f = fields.at(i);
        bool quote = false;
        bool ascii = true;
        for (const QChar c : f) {
            const char16_t u = c.unicode();
            if (u == u',' || u == u'"' || u == u'\n' || u == u'\r')
                quote = true;
            else if (u >= 0x80)
                ascii = false;
        }
        if (!quote) {
            if (ascii) {
                const qsizetype at = out.size();
                out.resize(at + f.size());
                char *to = out.data() + at;
                for (const QChar c : f)
                    *to++ = static_cast<char>(c.unicode());
            } else {
                out += f.toUtf8();
            }
            continue;
        }
        out += '"';
        QByteArray utf8 = f.toUtf8();
        out += utf8.replace('"', "\"\"");
        out += '"';
    }
}

QString csvRecord(const QStringList &fields)
{
    QString out;
    appendCsvRecord(out, fields);
    return out;
}

// Feeds the hash with what is stored of an order, separated so "ab","c" and "a","bc"
// differ. Row numbers stay out: the same order sits on other rows in a later export.
class ContentHash
{
public:
    ContentHash() : m_hash(QCryptographicHash::Blake2b_160) { add(QStringView(kHashVersion)); }
    void add(QStringView s)
    {
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(s.utf16()), s.size() * 2));
        m_hash.addData(QByteArrayView("\x1f", 1));
    }
    void add(qint64 v) { m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&v), 8)); }
    void add(const QDateTime &t) { add(t.isValid() ? t.toMSecsSinceEpoch() : -1); }
    QByteArray hex() const { return m_hash.result().toHex(); }

private:
    QCryptographicHash m_hash;
};

QByteArray contentHashOf(const ImportedOrder &o)
{
    ContentHash h;
    h.add(o.number);
    h.add(o.placedAtUtc);
    h.add(o.paidAtUtc.value_or(QDateTime()));
    h.add(o.shipByUtc.value_or(QDateTime()));
    h.add(o.cancelledAtUtc.value_or(QDateTime()));
    h.add(static_cast<qint64>(o.state));
    h.add(o.paymentStatus);
    h.add(o.buyerName);
    h.add(o.buyerEmail);
    h.add(o.buyerPhone);
    for (const QString *s :
         {&o.shipTo.name, &o.shipTo.company, &o.shipTo.line1, &o.shipTo.line2, &o.shipTo.city,
          &o.shipTo.region, &o.shipTo.postcode, &o.shipTo.country, &o.shipTo.phone})
        h.add(*s);
    h.add(o.shippingService);
    h.add(o.expedited ? 1 : 0);
    h.add(o.notes);
    h.add(o.currency);
    for (qint64 v : {o.subtotalMinor, o.shippingMinor, o.taxMinor, o.discountMinor, o.totalMinor,
                     o.refundedMinor, qint64(o.hasPrices ? 1 : 0)})
        h.add(v);
    h.add(o.lines.size());
    for (const ImportedLine &l : o.lines) {
        h.add(l.externalLineId);
        h.add(l.sku);
        h.add(l.title);
        for (qint64 v : {qint64(l.quantity), l.unitPriceMinor, l.totalMinor, l.taxMinor,
                         l.discountMinor, qint64(l.quantityShippedOnChannel)})
            h.add(v);
    }
    h.add(o.errors.size());
    for (const models::ImportFieldError &e : o.errors) {
        h.add(e.field);
        h.add(e.message);
    }
    return h.hex();
}

QString money(qint64 minor, const QString &currency)
{
    return models::Money(minor, currency).toPlainString() + QLatin1Char(' ') + currency;
}

// A line as it will be stored: quantities in units of the product (a listing of a
// 6-pack sold twice is 12 units).
struct LineToStore
{
    const ImportedLine *in = nullptr;
    std::optional<qint64> productId;
    int quantity = 0;
    qint64 unitPriceMinor = 0;
    int quantityShipped = 0;
};

struct StoredLine
{
    qint64 id = 0;
    int lineNo = 0;
    QString externalLineId;
    QString sku;
    QString title;
    qint64 quantity = 0;
    qint64 unitPriceMinor = 0;
    qint64 totalMinor = 0;
    qint64 quantityShipped = 0;
    bool matched = false;
};

} // namespace

// Prepared once per sink and reused for every order of every file.
struct SqlOrderImportSink::Statements
{
    SqliteStatement findOrder, loadOrder, loadLines, insertOrder, updateOrder, insertLine,
        updateLine, deleteLine, insertEvent, insertSource, customerByEmail, customerByName,
        insertCustomer, channelSku, productSku, findChannel, insertChannel, channelCurrency,
        insertRun, finishRun, insertRowError;
};

namespace {

constexpr const char *kInsertOrder =
    "INSERT INTO orders (channel_id, external_id, order_number, customer_id, status, hold_reason, "
    "placed_at, ship_by, buyer_name, buyer_email, ship_name, ship_company, ship_line1, "
    "ship_line2, ship_city, ship_region, ship_postcode, ship_country, ship_phone, "
    "shipping_service, is_expedited, currency, subtotal_minor, shipping_minor, tax_minor, "
    "discount_minor, total_minor, refunded_minor, payment_status, item_count, notes, "
    "import_run_id, import_hash, channel_state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// The same columns after channel_id/external_id, as SET; the id binds last.
constexpr const char *kUpdateOrder =
    "UPDATE orders SET order_number = ?3, customer_id = ?4, status = ?5, hold_reason = ?6, "
    "placed_at = ?7, ship_by = ?8, buyer_name = ?9, buyer_email = ?10, ship_name = ?11, "
    "ship_company = ?12, ship_line1 = ?13, ship_line2 = ?14, ship_city = ?15, ship_region = ?16, "
    "ship_postcode = ?17, ship_country = ?18, ship_phone = ?19, shipping_service = ?20, "
    "is_expedited = ?21, currency = ?22, subtotal_minor = ?23, shipping_minor = ?24, "
    "tax_minor = ?25, discount_minor = ?26, total_minor = ?27, refunded_minor = ?28, "
    "payment_status = ?29, item_count = ?30, notes = ?31, import_run_id = ?32, "
    "import_hash = ?33, channel_state = ?34, updated_at = ?36 WHERE id = ?1";
constexpr const char *kLoadOrder =
    "SELECT status, hold_reason, channel_state, customer_id, payment_status, refunded_minor, "
    "ship_name, ship_company, ship_line1, ship_line2, ship_city, ship_region, ship_postcode, "
    "ship_country, ship_phone, total_minor, currency, subtotal_minor, shipping_minor, tax_minor, "
    "discount_minor, buyer_name, buyer_email, order_number, shipping_service, notes "
    "FROM orders WHERE id = ?";

// Binds an order's columns in kInsertOrder's order (1 and 2 are the key, 35 and 36
// the times); `status`, `holdReason`, the money (when the file has none) come from
// the caller.
void bindOrder(SqliteStatement &st, const ImportedOrder &o, std::optional<qint64> customerId,
               const models::ImportStatusDecision &decision, int itemCount, qint64 runId,
               const QByteArray &hash, const std::array<qint64, 5> &totals, qint64 refunded,
               const QString &runTime)
{
    st.bindText(3, o.number);
    st.bindOptional(4, customerId);
    st.bindText(5, models::orderStatusCode(decision.status));
    st.bindTextOrNull(6, decision.holdReason);
    // An unreadable order date holds the order (its field error says so); it is kept
    // in the queue at the time it arrived until someone fixes it.
    if (o.placedAtUtc.isValid())
        st.bindTime(7, o.placedAtUtc);
    else
        st.bindText(7, runTime);
    st.bindTime(8, o.shipByUtc.value_or(QDateTime()));
    st.bindTextOrNull(9, o.buyerName);
    st.bindTextOrNull(10, o.buyerEmail);
    const models::Address &a = o.shipTo;
    int i = 11;
    for (const QString *s : {&a.name, &a.company, &a.line1, &a.line2, &a.city, &a.region,
                             &a.postcode, &a.country, &a.phone})
        st.bindTextOrNull(i++, *s);
    st.bindTextOrNull(20, o.shippingService);
    st.bind(21, o.expedited ? 1 : 0);
    st.bindText(22, o.currency);
    for (int k = 0; k < 5; ++k)
        st.bind(23 + k, totals[k]);
    st.bind(28, refunded);
    st.bindTextOrNull(29, o.paymentStatus);
    st.bind(30, itemCount);
    st.bindTextOrNull(31, o.notes);
    st.bind(32, runId);
    st.bindText(33, hash);
    st.bindText(34, models::channelOrderStateCode(o.state));
}

} // namespace

SqlOrderImportSink::SqlOrderImportSink(QSqlDatabase db) : SqlOrderImportSink(nullptr, std::move(db))
{}

SqlOrderImportSink::SqlOrderImportSink(std::unique_ptr<Database> owned, QSqlDatabase db)
    : m_owned(std::move(owned)), m_db(std::move(db)), m_st(std::make_unique<Statements>())
{}

SqlOrderImportSink::~SqlOrderImportSink()
{
    if (m_inTransaction)
        rollback();
    m_st.reset(); // every statement is finalised before the connection closes
}

Result<std::unique_ptr<SqlOrderImportSink>> SqlOrderImportSink::open(const QString &databasePath)
{
    Result<std::unique_ptr<Database>> db = Database::open(databasePath);
    if (!db)
        return Error{db.error()};
    const QSqlDatabase connection = db.value()->connection();
    std::unique_ptr<SqlOrderImportSink> sink(
        new SqlOrderImportSink(std::move(db).value(), connection));
    return sink;
}

Status SqlOrderImportSink::prepare()
{
    if (m_st->findOrder.isPrepared())
        return {};
    sqlite3 *db = sqliteHandleOf(m_db);
    if (!db)
        return Error{QStringLiteral("importing orders needs an open SQLite database")};
    // A large file touches many index pages of a large database: a bigger page cache
    // than SQLite's 2 MB default keeps them in memory (bounded, whatever the file).
    // 384 MB, enough to hold every page a 100,000-order file dirties, measured no
    // faster than this and doubled the peak memory.
    (void)sqliteExec(db, "PRAGMA cache_size = -131072");
    const std::pair<SqliteStatement *, const char *> all[] = {
        {&m_st->findOrder, "SELECT id, import_hash, status = 'on_hold' FROM orders "
                           "WHERE channel_id = ? AND external_id = ?"},
        {&m_st->loadOrder, kLoadOrder},
        {&m_st->loadLines,
         "SELECT id, line_no, external_line_id, sku, title, quantity, unit_price_minor, "
         "total_minor, quantity_shipped FROM order_lines WHERE order_id = ? ORDER BY line_no"},
        {&m_st->insertOrder, kInsertOrder},
        {&m_st->updateOrder, kUpdateOrder},
        {&m_st->insertLine,
         "INSERT INTO order_lines (order_id, line_no, external_line_id, product_id, sku, title, "
         "quantity, unit_price_minor, total_minor, tax_minor, discount_minor, quantity_shipped) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {&m_st->updateLine,
         "UPDATE order_lines SET line_no = ?2, external_line_id = ?3, product_id = ?4, sku = ?5, "
         "title = ?6, quantity = ?7, unit_price_minor = ?8, total_minor = ?9, tax_minor = ?10, "
         "discount_minor = ?11, quantity_shipped = ?12 WHERE id = ?1"},
        {&m_st->deleteLine, "DELETE FROM order_lines WHERE id = ?"},
        {&m_st->insertEvent,
         "INSERT INTO order_events (order_id, at, kind, from_status, to_status, detail, "
         "user_name) VALUES (?, ?, ?, ?, ?, ?, ?)"},
        {&m_st->insertSource, "INSERT INTO order_sources (order_id, import_run_id, first_row, "
                              "rows) VALUES (?, ?, ?, ?)"},
        {&m_st->customerByEmail, "SELECT id FROM customers WHERE email = ? LIMIT 1"},
        {&m_st->customerByName, "SELECT id FROM customers WHERE name = ? AND postcode = ? LIMIT 1"},
        {&m_st->insertCustomer,
         "INSERT INTO customers (email, name, phone, postcode, created_at) VALUES (?, ?, ?, ?, ?)"},
        {&m_st->channelSku, "SELECT product_id, units_per_listing FROM channel_skus "
                            "WHERE channel_id = ? AND channel_sku = ?"},
        {&m_st->productSku, "SELECT id FROM products WHERE sku = ?"},
        {&m_st->findChannel, "SELECT id FROM channels WHERE code = ?"},
        {&m_st->insertChannel, "INSERT INTO channels (code, name, currency) VALUES (?, ?, ?)"},
        {&m_st->channelCurrency, "UPDATE channels SET currency = ? WHERE id = ?"},
        {&m_st->insertRun,
         "INSERT INTO import_runs (channel_id, format, file_name, header, started_at, "
         "status, user_name, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
        {&m_st->finishRun,
         "UPDATE import_runs SET finished_at = ?, status = ?, file_sha256 = ?, rows_read = ?, "
         "orders_created = ?, orders_updated = ?, orders_unchanged = ?, lines = ?, on_hold = ?, "
         "rows_rejected = ?, message = ? WHERE id = ?"},
        {&m_st->insertRowError, "INSERT INTO import_row_errors (import_run_id, row_number, field, "
                                "message) VALUES (?, ?, ?, ?)"},
    };
    for (const auto &[statement, sql] : all)
        if (Status s = statement->prepare(db, sql); !s)
            return s;
    return {};
}

Result<qint64> SqlOrderImportSink::channelFor(const QString &code, bool create)
{
    SqliteStatement &find = m_st->findChannel;
    find.bindText(1, code);
    const bool found = find.step();
    const qint64 id = found ? find.int64(0) : 0;
    find.reset();
    if (found || !create)
        return id;
    if (!find.error().isEmpty())
        return Error{find.error()};
    // A channel seen for the first time: named for people, priced like the first
    // order it brings (see write()); the shop's currency until then.
    QString currency = QStringLiteral("USD");
    if (Result<QVariant> shop = queryScalar(m_db, QStringLiteral("SELECT currency FROM channels "
                                                                 "ORDER BY id LIMIT 1"));
        shop.ok())
        currency = shop.value().toString();
    SqliteStatement &insert = m_st->insertChannel;
    insert.bindText(1, code);
    insert.bindText(2, models::channelDisplayName(code));
    insert.bindText(3, currency);
    if (Status s = insert.run(); !s)
        return Error{s.error()};
    m_channelCreated = true;
    return sqlite3_last_insert_rowid(sqliteHandleOf(m_db));
}

Status SqlOrderImportSink::insertRun(const models::ImportRunInfo &run, qint64 channelId,
                                     const QString &status)
{
    SqliteStatement &st = m_st->insertRun;
    if (channelId > 0)
        st.bind(1, channelId);
    else
        st.bindNull(1);
    st.bindTextOrNull(2, run.formatCode);
    st.bindTextOrNull(3, run.fileName);
    st.bindTextOrNull(4, run.header.isEmpty() ? QString() : csvRecord(run.header));
    st.bindTime(5, run.startedAtUtc.isValid() ? run.startedAtUtc : QDateTime::currentDateTimeUtc());
    st.bindText(6, status);
    st.bindText(7, run.userName.isEmpty() ? QStringLiteral("unknown") : run.userName);
    st.bindText(8, run.source == QLatin1String("api") ? QStringLiteral("api")
                                                      : QStringLiteral("file"));
    if (Status s = st.run(); !s)
        return s;
    m_runId = sqlite3_last_insert_rowid(sqliteHandleOf(m_db));
    return {};
}

Status SqlOrderImportSink::begin(const models::ImportRunInfo &run)
{
    if (m_inTransaction)
        return Error{QStringLiteral("an import is already under way on this connection")};
    if (Status s = prepare(); !s)
        return s;
    if (run.formatCode.isEmpty())
        return Error{QStringLiteral("file %1: its channel is not known").arg(run.fileName)};
    if (Status s = sqliteExec(sqliteHandleOf(m_db), "BEGIN IMMEDIATE"); !s)
        return Error{QStringLiteral("file %1: the database is busy or read-only: %2")
                         .arg(run.fileName, s.error())};
    m_inTransaction = true;
    m_channelCreated = false;
    m_skus.clear(); // mappings may have changed since the last file
    m_userName = run.userName.isEmpty() ? QStringLiteral("unknown") : run.userName;
    m_fileName = run.fileName;
    m_formatCode = run.formatCode;
    m_now = isoUtc(QDateTime::currentDateTimeUtc());
    m_fromApi = run.source == QLatin1String("api");
    m_importedDetail = (m_fromApi ? QStringLiteral("imported from %1 %2")
                                  : QStringLiteral("imported from %1 file %2"))
                           .arg(m_formatCode, m_fileName);

    Result<qint64> channel = channelFor(run.formatCode, true);
    if (!channel) {
        rollback();
        return Error{channel.error()};
    }
    m_channelId = channel.value();
    if (Status s = insertRun(run, m_channelId, QStringLiteral("running")); !s) {
        rollback();
        return s;
    }
    return {};
}

Result<SqlOrderImportSink::SkuMapping> SqlOrderImportSink::mapSku(const QString &sku)
{
    if (const auto it = m_skus.constFind(sku); it != m_skus.cend())
        return *it;
    SkuMapping mapping;
    if (!sku.isEmpty()) {
        SqliteStatement &bySku = m_st->channelSku;
        bySku.bind(1, m_channelId);
        bySku.bindText(2, sku);
        if (bySku.step()) {
            mapping.productId = bySku.int64(0);
            mapping.unitsPerListing = static_cast<int>(qMax<qint64>(1, bySku.int64(1)));
        }
        bySku.reset();
        if (!bySku.error().isEmpty())
            return Error{bySku.error()};
        if (!mapping.productId) {
            SqliteStatement &product = m_st->productSku;
            product.bindText(1, sku);
            if (product.step())
                mapping.productId = product.int64(0);
            product.reset();
            if (!product.error().isEmpty())
                return Error{product.error()};
        }
    }
    m_skus.insert(sku, mapping);
    return mapping;
}

Result<std::optional<qint64>> SqlOrderImportSink::customerFor(const ImportedOrder &o)
{
    const QString email = o.buyerEmail.trimmed().toLower();
    const QString name =
        !o.buyerName.trimmed().isEmpty() ? o.buyerName.trimmed() : o.shipTo.name.trimmed();
    const QString postcode = o.shipTo.postcode.trimmed();
    SqliteStatement *find = nullptr;
    if (!email.isEmpty()) {
        find = &m_st->customerByEmail;
        find->bindText(1, email);
    } else if (!name.isEmpty() && !postcode.isEmpty()) {
        find = &m_st->customerByName;
        find->bindText(1, name);
        find->bindText(2, postcode);
    } else {
        return std::optional<qint64>(); // nobody to recognise again
    }
    const bool found = find->step();
    const qint64 id = found ? find->int64(0) : 0;
    find->reset();
    if (!find->error().isEmpty())
        return Error{find->error()};
    if (found)
        return std::optional<qint64>(id);

    SqliteStatement &insert = m_st->insertCustomer;
    insert.bindTextOrNull(1, email);
    insert.bindText(2, name.isEmpty() ? email : name);
    insert.bindTextOrNull(3, o.buyerPhone.isEmpty() ? o.shipTo.phone : o.buyerPhone);
    insert.bindTextOrNull(4, postcode);
    insert.bindText(5, m_now);
    if (Status s = insert.run(); !s)
        return Error{s.error()};
    return std::optional<qint64>(sqlite3_last_insert_rowid(sqliteHandleOf(m_db)));
}

Status SqlOrderImportSink::insertEvent(qint64 orderId, const QString &kind, const QString &from,
                                       const QString &to, const QString &detail)
{
    SqliteStatement &st = m_st->insertEvent;
    st.bind(1, orderId);
    st.bindText(2, m_now);
    st.bindText(3, kind);
    st.bindTextOrNull(4, from);
    st.bindTextOrNull(5, to);
    st.bindTextOrNull(6, detail);
    st.bindText(7, m_userName);
    return st.run();
}

Status SqlOrderImportSink::insertSource(qint64 orderId, const ImportedOrder &o)
{
    // Built as UTF-8, the database's encoding, in a buffer kept between orders.
    QByteArray &rows = m_sourceBuffer;
    rows.clear();
    for (const models::ImportSourceRow &r : o.sourceRows) {
        if (!rows.isEmpty())
            rows += '\n';
        if (m_fromApi) // a JSON document: kept as the channel sent it
            rows += r.fields.join(QLatin1Char('\n')).toUtf8();
        else
            appendCsvRecordUtf8(rows, r.fields);
    }
    SqliteStatement &st = m_st->insertSource;
    st.bind(1, orderId);
    st.bind(2, m_runId);
    st.bind(3, o.firstRow > 0 ? o.firstRow
                              : (o.sourceRows.isEmpty() ? 0 : o.sourceRows.constFirst().row));
    st.bindText(4, rows);
    return st.run();
}

namespace {

// The lines as they will be stored, and the SKUs nothing knows (each once, in order).
template <typename MapFn>
Result<std::pair<QList<LineToStore>, QStringList>> linesToStore(const ImportedOrder &o, MapFn &&map)
{
    QList<LineToStore> lines;
    lines.reserve(o.lines.size());
    QStringList unknown;
    for (const ImportedLine &l : o.lines) {
        auto mapping = map(l.sku);
        if (!mapping)
            return Error{mapping.error()};
        LineToStore s;
        s.in = &l;
        s.productId = mapping->productId;
        const int per = mapping->unitsPerListing;
        s.quantity = l.quantity * per;
        s.unitPriceMinor = per > 1 ? l.unitPriceMinor / per : l.unitPriceMinor;
        s.quantityShipped = qBound(0, l.quantityShippedOnChannel * per, s.quantity);
        if (o.state == models::ChannelOrderState::Shipped)
            s.quantityShipped = s.quantity;
        if (const QString label = models::importSkuLabel(l.sku, l.title);
            !s.productId && !unknown.contains(label))
            unknown.append(label);
        lines.append(s);
    }
    return std::pair{lines, unknown};
}

void bindLine(SqliteStatement &st, const LineToStore &l, int lineNo)
{
    st.bind(2, lineNo);
    st.bindTextOrNull(3, l.in->externalLineId);
    st.bindOptional(4, l.productId);
    st.bindText(5, l.in->sku);
    st.bindText(6, l.in->title);
    st.bind(7, qMax(1, l.quantity)); // the schema wants a positive quantity
    st.bind(8, l.unitPriceMinor);
    st.bind(9, l.in->totalMinor);
    st.bind(10, l.in->taxMinor);
    st.bind(11, l.in->discountMinor);
    st.bind(12, l.quantityShipped);
}

std::optional<models::ImportFieldError> firstErrorOf(const ImportedOrder &o)
{
    if (o.errors.isEmpty())
        return std::nullopt;
    return o.errors.constFirst();
}

int itemCountOf(const QList<LineToStore> &lines)
{
    int items = 0;
    for (const LineToStore &l : lines)
        items += l.quantity;
    return items;
}

} // namespace

Result<ImportedOrderResult> SqlOrderImportSink::write(const ImportedOrder &order)
{
    if (!m_inTransaction)
        return Error{QStringLiteral("write() outside begin()/commit()")};
    if (order.externalId.isEmpty())
        return Error{QStringLiteral("order %1 has no channel id").arg(order.number)};
    if (m_channelCreated && !order.currency.isEmpty()) {
        // A channel created by this import trades in its orders' currency.
        m_st->channelCurrency.bindText(1, order.currency);
        m_st->channelCurrency.bind(2, m_channelId);
        if (Status s = m_st->channelCurrency.run(); !s)
            return Error{s.error()};
        m_channelCreated = false;
    }

    const QByteArray hash = contentHashOf(order);
    SqliteStatement &find = m_st->findOrder;
    find.bind(1, m_channelId);
    find.bindText(2, order.externalId);
    const bool exists = find.step();
    qint64 orderId = 0;
    bool same = false;
    bool onHold = false;
    if (exists) {
        orderId = find.int64(0);
        same = find.textEquals(1, hash);
        onHold = find.int64(2) != 0;
    }
    find.reset();
    if (!find.error().isEmpty())
        return Error{find.error()};

    if (!exists)
        return insertOrder(order, hash);
    if (!same)
        return updateOrder(orderId, order, hash);

    // The same as stored: nothing is written. Whether it is held (read with the hash,
    // from the same row) is for the report only.
    ImportedOrderResult result;
    result.outcome = ImportOutcome::Unchanged;
    result.lines = static_cast<int>(order.lines.size());
    result.onHold = onHold;
    return result;
}

Result<ImportedOrderResult> SqlOrderImportSink::insertOrder(const ImportedOrder &o,
                                                            const QByteArray &hash)
{
    auto mapped = linesToStore(o, [this](const QString &sku) { return mapSku(sku); });
    if (!mapped)
        return Error{mapped.error()};
    const auto &[lines, unknown] = mapped.value();

    Result<std::optional<qint64>> customer = customerFor(o);
    if (!customer)
        return Error{customer.error()};

    models::ImportStatusInput in;
    in.channel = o.state;
    in.firstError = firstErrorOf(o);
    in.unknownSkus = unknown;
    const models::ImportStatusDecision decision = models::decideImportedStatus(in);

    SqliteStatement &st = m_st->insertOrder;
    st.bind(1, m_channelId);
    st.bindText(2, o.externalId);
    bindOrder(st, o, customer.value(), decision, itemCountOf(lines), m_runId, hash,
              {o.subtotalMinor, o.shippingMinor, o.taxMinor, o.discountMinor, o.totalMinor},
              o.refundedMinor, m_now);
    st.bindText(35, m_now);
    st.bindText(36, m_now);
    if (Status s = st.run(); !s)
        return Error{s.error()};
    const qint64 orderId = sqlite3_last_insert_rowid(sqliteHandleOf(m_db));

    SqliteStatement &line = m_st->insertLine;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        line.bind(1, orderId);
        bindLine(line, lines.at(i), static_cast<int>(i + 1));
        if (Status s = line.run(); !s)
            return Error{s.error()};
    }
    QString detail = m_importedDetail;
    if (!decision.eventText.isEmpty())
        detail += QStringLiteral(": ") + decision.eventText;
    if (Status s = insertEvent(orderId, QStringLiteral("imported"), {},
                               models::orderStatusCode(decision.status), detail);
        !s)
        return Error{s.error()};
    if (Status s = insertSource(orderId, o); !s)
        return Error{s.error()};

    ImportedOrderResult result;
    result.outcome = ImportOutcome::Created;
    result.onHold = decision.status == models::OrderStatus::OnHold;
    result.lines = static_cast<int>(lines.size());
    return result;
}

Result<ImportedOrderResult> SqlOrderImportSink::updateOrder(qint64 orderId, const ImportedOrder &o,
                                                            const QByteArray &hash)
{
    // What Backroom holds now.
    SqliteStatement &load = m_st->loadOrder;
    load.bind(1, orderId);
    if (!load.step()) {
        load.reset();
        return Error{load.error().isEmpty() ? QStringLiteral("order %1 vanished").arg(o.number)
                                            : load.error()};
    }
    const QString storedStatusCode = load.text(0);
    const QString storedHold = load.text(1);
    const std::optional<models::ChannelOrderState> storedChannel =
        models::channelOrderStateFromCode(load.text(2));
    std::optional<qint64> customerId;
    if (!load.isNull(3))
        customerId = load.int64(3);
    const QString storedPayment = load.text(4);
    const qint64 storedRefunded = load.int64(5);
    QStringList storedAddress;
    for (int c = 6; c <= 14; ++c)
        storedAddress.append(load.text(c));
    const qint64 storedTotal = load.int64(15);
    const QString storedCurrency = load.text(16);
    const std::array<qint64, 5> storedTotals = {load.int64(17), load.int64(18), load.int64(19),
                                                load.int64(20), load.int64(15)};
    const QStringList storedOther = {load.text(21), load.text(22), load.text(23), load.text(24),
                                     load.text(25)};
    load.reset();
    const std::optional<models::OrderStatus> storedStatus =
        models::orderStatusFromCode(storedStatusCode);
    if (!storedStatus)
        return Error{QStringLiteral("order %1 has an unknown status \"%2\"")
                         .arg(o.number, storedStatusCode)};

    QList<StoredLine> stored;
    SqliteStatement &loadLines = m_st->loadLines;
    loadLines.bind(1, orderId);
    while (loadLines.step())
        stored.append({loadLines.int64(0), static_cast<int>(loadLines.int64(1)), loadLines.text(2),
                       loadLines.text(3), loadLines.text(4), loadLines.int64(5), loadLines.int64(6),
                       loadLines.int64(7), loadLines.int64(8), false});
    loadLines.reset();
    if (!loadLines.error().isEmpty())
        return Error{loadLines.error()};

    auto mapped = linesToStore(o, [this](const QString &sku) { return mapSku(sku); });
    if (!mapped)
        return Error{mapped.error()};
    const auto &[lines, unknown] = mapped.value();

    // Lines are matched by the channel's line id where both sides have one, else by
    // position.
    QStringList changes;
    bool linesChanged = false;
    QList<int> matchOf(lines.size(), -1);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &ext = lines.at(i).in->externalLineId;
        for (qsizetype j = 0; j < stored.size(); ++j) {
            StoredLine &s = stored[j];
            if (s.matched)
                continue;
            const bool byId = !ext.isEmpty() && s.externalLineId == ext;
            const bool byPosition =
                (ext.isEmpty() || s.externalLineId.isEmpty()) && s.lineNo == i + 1;
            if (byId || byPosition) {
                s.matched = true;
                matchOf[i] = static_cast<int>(j);
                break;
            }
        }
    }
    const bool mayDropLines = *storedStatus == models::OrderStatus::New ||
                              *storedStatus == models::OrderStatus::OnHold ||
                              *storedStatus == models::OrderStatus::Backordered ||
                              *storedStatus == models::OrderStatus::Cancelled;
    int nextLineNo = 0;
    for (const StoredLine &s : std::as_const(stored))
        nextLineNo = qMax(nextLineNo, s.lineNo);
    for (const StoredLine &s : std::as_const(stored)) {
        if (s.matched)
            continue;
        linesChanged = true;
        if (mayDropLines) {
            m_st->deleteLine.bind(1, s.id);
            if (Status st = m_st->deleteLine.run(); !st)
                return Error{st.error()};
            changes.append(QStringLiteral("line %1 (%2) removed").arg(s.lineNo).arg(s.sku));
        } else {
            changes.append(
                QStringLiteral("line %1 (%2) removed on the channel, kept here until checked")
                    .arg(s.lineNo)
                    .arg(s.sku));
        }
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const LineToStore &l = lines.at(i);
        const int j = matchOf.at(i);
        if (j < 0) {
            linesChanged = true;
            // A position-keyed line takes its position unless a kept line holds it.
            int lineNo = static_cast<int>(i + 1);
            for (const StoredLine &s : std::as_const(stored))
                if (s.lineNo == lineNo && (s.matched || !mayDropLines))
                    lineNo = ++nextLineNo;
            nextLineNo = qMax(nextLineNo, lineNo);
            m_st->insertLine.bind(1, orderId);
            bindLine(m_st->insertLine, l, lineNo);
            if (Status st = m_st->insertLine.run(); !st)
                return Error{st.error()};
            changes.append(QStringLiteral("line %1 added (%2 x %3)")
                               .arg(lineNo)
                               .arg(l.in->sku)
                               .arg(l.quantity));
            continue;
        }
        const StoredLine &s = stored.at(j);
        QStringList what;
        if (s.sku != l.in->sku)
            what.append(QStringLiteral("SKU %1 -> %2").arg(s.sku, l.in->sku));
        if (s.quantity != l.quantity)
            what.append(QStringLiteral("quantity %1 -> %2").arg(s.quantity).arg(l.quantity));
        if (s.unitPriceMinor != l.unitPriceMinor || s.totalMinor != l.in->totalMinor)
            what.append(QStringLiteral("price"));
        if (s.title != l.in->title)
            what.append(QStringLiteral("title"));
        if (!what.isEmpty()) {
            linesChanged = true;
            changes.append(QStringLiteral("line %1: %2").arg(s.lineNo).arg(what.join(u", ")));
        }
        // Shipped quantities only grow: Backroom's own shipping is not undone.
        LineToStore keep = l;
        keep.quantityShipped = qMax<int>(static_cast<int>(s.quantityShipped), l.quantityShipped);
        SqliteStatement &up = m_st->updateLine;
        up.bind(1, s.id);
        bindLine(up, keep, s.lineNo);
        if (Status st = up.run(); !st)
            return Error{st.error()};
    }

    const QStringList address = {o.shipTo.name,     o.shipTo.company, o.shipTo.line1,
                                 o.shipTo.line2,    o.shipTo.city,    o.shipTo.region,
                                 o.shipTo.postcode, o.shipTo.country, o.shipTo.phone};
    const bool addressChanged = address != storedAddress;
    if (addressChanged)
        changes.append(QStringLiteral("ship-to address changed"));
    if (o.paymentStatus != storedPayment && !o.paymentStatus.isEmpty())
        changes.append(QStringLiteral("payment %1 -> %2")
                           .arg(storedPayment.isEmpty() ? QStringLiteral("(none)") : storedPayment,
                                o.paymentStatus));
    if (o.refundedMinor != storedRefunded)
        changes.append(QStringLiteral("refunded %1").arg(money(o.refundedMinor, o.currency)));
    if (o.hasPrices && (o.totalMinor != storedTotal || o.currency != storedCurrency))
        changes.append(
            QStringLiteral("total %1 -> %2")
                .arg(money(storedTotal, storedCurrency), money(o.totalMinor, o.currency)));
    const QStringList other = {o.buyerName, o.buyerEmail, o.number, o.shippingService, o.notes};
    if (other != storedOther)
        changes.append(QStringLiteral("order details changed"));

    models::ImportStatusInput in;
    in.stored = storedStatus;
    in.storedHoldReason = storedHold;
    in.channel = o.state;
    in.storedChannel = storedChannel;
    in.firstError = firstErrorOf(o);
    in.unknownSkus = unknown;
    in.contentChanged = linesChanged || addressChanged;
    const models::ImportStatusDecision decision = models::decideImportedStatus(in);
    if (storedChannel.value_or(models::ChannelOrderState::Open) != o.state &&
        decision.eventText.isEmpty())
        changes.prepend(
            QStringLiteral("the channel says %1").arg(models::channelOrderStateCode(o.state)));
    if (!decision.eventText.isEmpty())
        changes.prepend(decision.eventText);
    if (changes.isEmpty())
        changes.append(QStringLiteral("details changed on the channel"));

    if (!customerId) {
        Result<std::optional<qint64>> customer = customerFor(o);
        if (!customer)
            return Error{customer.error()};
        customerId = customer.value();
    }

    int items = 0;
    {
        // The item count follows the lines as stored (kept lines included).
        SqliteStatement &count = m_st->loadLines;
        count.bind(1, orderId);
        while (count.step())
            items += static_cast<int>(count.int64(5));
        count.reset();
    }
    SqliteStatement &st = m_st->updateOrder;
    st.bind(1, orderId);
    const bool hasPrices = o.hasPrices;
    bindOrder(st, o, customerId, decision, items, m_runId, hash,
              hasPrices ? std::array<qint64, 5>{o.subtotalMinor, o.shippingMinor, o.taxMinor,
                                                o.discountMinor, o.totalMinor}
                        : storedTotals,
              hasPrices ? o.refundedMinor : storedRefunded, m_now);
    if (!hasPrices)
        st.bindText(22, storedCurrency);
    st.bindText(36, m_now);
    if (Status s = st.run(); !s)
        return Error{s.error()};

    const QString to = models::orderStatusCode(decision.status);
    const bool statusChanged = decision.status != *storedStatus;
    const QString detail = (m_fromApi ? QStringLiteral("updated from %1 %2: %3")
                                      : QStringLiteral("updated from %1 file %2: %3"))
                               .arg(m_formatCode, m_fileName, changes.join(QStringLiteral("; ")));
    if (Status s = insertEvent(
            orderId, statusChanged ? QStringLiteral("status") : QStringLiteral("note"),
            statusChanged ? storedStatusCode : QString(), statusChanged ? to : QString(), detail);
        !s)
        return Error{s.error()};
    if (Status s = insertSource(orderId, o); !s)
        return Error{s.error()};

    ImportedOrderResult result;
    result.outcome = ImportOutcome::Updated;
    result.onHold = decision.status == models::OrderStatus::OnHold;
    result.lines = static_cast<int>(lines.size());
    return result;
}

Status SqlOrderImportSink::writeRunTotals(qint64 runId, const models::ImportRunTotals &t,
                                          const QString &status, const QString &message)
{
    QSet<qint64> badRows;
    for (const models::ImportFieldError &e : t.errors)
        badRows.insert(e.row);
    SqliteStatement &st = m_st->finishRun;
    st.bindText(1, isoUtc(QDateTime::currentDateTimeUtc()));
    st.bindText(2, status);
    st.bindTextOrNull(3, t.fileSha256);
    st.bind(4, t.rowsRead);
    st.bind(5, t.ordersCreated);
    st.bind(6, t.ordersUpdated);
    st.bind(7, t.ordersUnchanged);
    st.bind(8, t.lines);
    st.bind(9, t.onHold);
    st.bind(10, badRows.size());
    st.bindTextOrNull(11, message);
    st.bind(12, runId);
    if (Status s = st.run(); !s)
        return s;
    SqliteStatement &err = m_st->insertRowError;
    for (const models::ImportFieldError &e : t.errors) {
        err.bind(1, runId);
        err.bind(2, e.row);
        err.bindTextOrNull(3, e.field);
        err.bindText(4, e.message.isEmpty() ? QStringLiteral("unreadable") : e.message);
        if (Status s = err.run(); !s)
            return s;
    }
    return {};
}

Status SqlOrderImportSink::commit(const models::ImportRunTotals &totals)
{
    if (!m_inTransaction)
        return Error{QStringLiteral("commit() without begin()")};
    if (Status s = writeRunTotals(m_runId, totals, QStringLiteral("succeeded"), {}); !s)
        return s;
    if (Status s = sqliteExec(sqliteHandleOf(m_db), "COMMIT"); !s)
        return s;
    m_inTransaction = false;
    return {};
}

void SqlOrderImportSink::rollback()
{
    if (!m_inTransaction)
        return;
    // A statement left mid-step would keep the transaction open.
    for (SqliteStatement *st : {&m_st->findOrder, &m_st->loadOrder, &m_st->loadLines})
        if (st->isPrepared())
            st->reset();
    (void)sqliteExec(sqliteHandleOf(m_db), "ROLLBACK");
    m_inTransaction = false;
    m_runId = 0;
    m_skus.clear();
}

Status SqlOrderImportSink::recordRejected(const models::ImportRunInfo &run,
                                          const models::ImportRunTotals &totals,
                                          const QString &status, const QString &message)
{
    if (m_inTransaction)
        rollback();
    if (Status s = prepare(); !s)
        return s;
    const QString code = status == QLatin1String("cancelled") || status == QLatin1String("failed")
                             ? status
                             : QStringLiteral("rejected");
    sqlite3 *db = sqliteHandleOf(m_db);
    if (Status s = sqliteExec(db, "BEGIN IMMEDIATE"); !s)
        return s;
    m_inTransaction = true;
    m_userName = run.userName;
    qint64 channelId = 0;
    if (!run.formatCode.isEmpty()) {
        Result<qint64> channel = channelFor(run.formatCode, false);
        channelId = channel.ok() ? channel.value() : 0;
    }
    Status s = insertRun(run, channelId, code);
    if (s)
        s = writeRunTotals(m_runId, totals, code, message);
    if (s)
        s = sqliteExec(db, "COMMIT");
    if (!s) {
        rollback();
        return s;
    }
    m_inTransaction = false;
    return {};
}

} // namespace storage
