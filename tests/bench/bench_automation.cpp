// Times the automation rules over the new orders, as an allocation run starts.
// Usage: bench_automation [--orders N] [--out FILE]   (default 10,000 orders, a temp file)
// Writes a shop with N new orders (1-3 lines each, six countries, three channels), stores
// five rules (hold, priority, route, service, VIP) and times: preview, apply, apply again.
// Target: 10,000 new orders evaluated and applied in well under a second.
#include "storage/database.h"
#include "storage/sqlautomation.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

using namespace models;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_automation: %s\n", qPrintable(message));
    return 1;
}

Status buildShop(const QSqlDatabase &db, int orders)
{
    storage::Transaction txn(db);
    for (const char *sql : {
             "INSERT INTO channels (id, code, name, currency) VALUES (1, 'shopify', 'Shopify', "
             "'GBP'), (2, 'amazon', 'Amazon', 'GBP'), (3, 'ebay', 'eBay', 'GBP')",
             "INSERT INTO locations (id, code, name, kind, country) VALUES (1, 'LDS', 'Leeds', "
             "'warehouse', 'GB'), (2, 'MKY', 'Milton Keynes', 'warehouse', 'GB')",
             "INSERT INTO customers (id, email, name, is_vip, created_at) VALUES (1, "
             "'a@example.com', 'Ann', 0, '2026-01-01T00:00:00Z')",
         })
        if (Status s = storage::runStatement(db, QString::fromLatin1(sql)); !s)
            return s;
    QSqlQuery product(db), order(db), line(db);
    product.prepare(QStringLiteral(
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, weight_grams, "
        "created_at) VALUES (?, ?, 'Item', 'GBP', 'GBP', ?, '2026-01-01T00:00:00Z')"));
    for (int p = 1; p <= 200; ++p)
        if (Status s = storage::execPrepared(
                product, {p, QStringLiteral("SKU-%1").arg(p, 4, 10, QLatin1Char('0')), 50 + p * 7});
            !s)
            return s;
    order.prepare(QStringLiteral(
        "INSERT INTO orders (id, channel_id, external_id, order_number, customer_id, status, "
        "placed_at, ship_country, shipping_service, currency, total_minor, item_count, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'new', '2026-11-24T10:00:00Z', ?, "
        "'Standard', 'GBP', ?, ?, '2026-11-24T10:00:00Z', '2026-11-24T10:00:00Z')"));
    line.prepare(QStringLiteral("INSERT INTO order_lines (order_id, line_no, product_id, sku, "
                                "title, quantity) VALUES (?, ?, ?, ?, 'Item', ?)"));
    const QStringList countries{u"GB"_s, u"GB"_s, u"GB"_s, u"DE"_s,
                                u"FR"_s, u"US"_s, u"IE"_s, u"NL"_s};
    QRandomGenerator rng(42);
    for (int o = 1; o <= orders; ++o) {
        const int lines = 1 + static_cast<int>(rng.bounded(3));
        int items = 0;
        QList<QPair<int, int>> picked;
        for (int l = 1; l <= lines; ++l) {
            const int p = 1 + static_cast<int>(rng.bounded(200));
            const int q = 1 + static_cast<int>(rng.bounded(3));
            items += q;
            picked.append({p, q});
        }
        if (Status s = storage::execPrepared(
                order, {o, 1 + o % 3, QStringLiteral("ext-%1").arg(o), QStringLiteral("#%1").arg(o),
                        o % 10 == 0 ? QVariant(1) : QVariant(QMetaType(QMetaType::LongLong)),
                        countries.at(o % countries.size()),
                        500 + static_cast<int>(rng.bounded(30000)), items});
            !s)
            return s;
        for (int l = 0; l < picked.size(); ++l) {
            const int p = picked.at(l).first;
            if (Status s = storage::execPrepared(
                    line, {o, l + 1, p, QStringLiteral("SKU-%1").arg(p, 4, 10, QLatin1Char('0')),
                           picked.at(l).second});
                !s)
                return s;
        }
    }
    return txn.commit();
}

QList<AutomationRule> benchRules()
{
    auto make = [](const char *name, QList<RuleCondition> c, QList<RuleAction> a) {
        AutomationRule r;
        r.name = QString::fromLatin1(name);
        r.conditions = std::move(c);
        r.actions = std::move(a);
        return r;
    };
    return {
        make("VAT check", {{RuleField::ShipCountry, RuleOperator::InList, u"DE,FR,NL"_s, {}}},
             {{RuleActionKind::Hold, u"Check VAT"_s, 0}}),
        make(
            "Big orders to Leeds",
            {{RuleField::OrderTotal, RuleOperator::Greater, u"20000"_s, u"GBP"_s}},
            {{RuleActionKind::SetPriority, {}, 2}, {RuleActionKind::RouteToLocation, u"LDS"_s, 0}}),
        make("Heavy by freight", {{RuleField::WeightGrams, RuleOperator::Greater, u"3000"_s, {}}},
             {{RuleActionKind::ChooseService, u"Freight"_s, 0}}),
        make("Amazon regulars",
             {{RuleField::Channel, RuleOperator::Equals, u"amazon"_s, {}},
              {RuleField::ItemCount, RuleOperator::Greater, u"5"_s, {}}},
             {{RuleActionKind::TagVip, {}, 0}}),
        make("Mugs first",
             {{RuleField::Sku, RuleOperator::InList, u"SKU-0001,SKU-0002,SKU-0003"_s, {}}},
             {{RuleActionKind::SetPriority, {}, 5}}),
    };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int orders = 10000;
    if (const qsizetype at = args.indexOf(QStringLiteral("--orders"));
        at >= 0 && at + 1 < args.size())
        orders = args.at(at + 1).toInt();
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("automation.db"));
    if (const qsizetype at = args.indexOf(QStringLiteral("--out"));
        at >= 0 && at + 1 < args.size()) {
        path = args.at(at + 1);
        QFile::remove(path);
    }
    Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    if (!opened.ok())
        return fail(opened.error());
    const QSqlDatabase db = opened.value()->connection();
    if (Status s = buildShop(db, orders); !s)
        return fail(s.error());
    if (Status s = storage::saveAutomationRules(db, benchRules()); !s)
        return fail(s.error());
    std::printf("bench_automation: %d new orders, %lld rules (target: apply well under 1000 ms)\n",
                orders, static_cast<long long>(benchRules().size()));

    QElapsedTimer t;
    t.start();
    int lookedAt = 0;
    Result<QList<RulePreview>> preview = storage::previewRules(db, benchRules(), 10, &lookedAt);
    const double previewMs = t.nsecsElapsed() / 1e6;
    if (!preview.ok())
        return fail(preview.error());
    std::printf("  preview                  %8.1f ms  %d orders looked at\n", previewMs, lookedAt);
    for (const RulePreview &p : preview.value())
        std::printf("      %-22s %6d orders\n", qPrintable(p.ruleName), p.matched);

    t.restart();
    Result<storage::RulesRunSummary> run =
        storage::applyRulesToNewOrders(db, QStringLiteral("bench"));
    const double applyMs = t.nsecsElapsed() / 1e6;
    if (!run.ok())
        return fail(run.error());
    std::printf("  apply                    %8.1f ms  %d looked at, %d changed, %d timeline "
                "entries, %d held (%.0f orders/s)\n",
                applyMs, run->ordersLookedAt, run->ordersChanged, run->firings, run->held,
                applyMs > 0 ? run->ordersLookedAt * 1000.0 / applyMs : 0.0);

    t.restart();
    Result<storage::RulesRunSummary> again =
        storage::applyRulesToNewOrders(db, QStringLiteral("bench"));
    const double againMs = t.nsecsElapsed() / 1e6;
    if (!again.ok())
        return fail(again.error());
    std::printf("  apply again (no change)  %8.1f ms  %d looked at, %d changed\n", againMs,
                again->ordersLookedAt, again->ordersChanged);
    return 0;
}
