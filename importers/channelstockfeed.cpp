#include "importers/channelstockfeed.h"

#include <QStringList>

namespace importers {

namespace {

// RFC 4180: quoted only when the text holds a comma, quote or line break.
QString plainCsvCell(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString cell = text;
    cell.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

// A tab-separated cell cannot hold a tab or line break: they become spaces.
QString tsvCell(QString text)
{
    for (QChar &c : text)
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    return text;
}

QByteArray line(const QStringList &cells, QChar separator)
{
    return cells.join(separator).toUtf8() + "\r\n";
}

} // namespace

QString shopifyHandle(const QString &title)
{
    QString out;
    bool hyphen = false;
    for (QChar c : title.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            if (hyphen && !out.isEmpty())
                out += QLatin1Char('-');
            out += c;
            hyphen = false;
        } else if (c.category() != QChar::Mark_NonSpacing) {
            hyphen = true;
        }
    }
    return out;
}

QByteArray shopifyInventoryCsv(const models::ChannelStockFeed &feed)
{
    QByteArray out = QByteArray(kShopifyInventoryHeader) + "\r\n";
    for (const models::ChannelStockRow &r : feed.rows) {
        const QString quantity = QString::number(r.quantity);
        out += line({plainCsvCell(shopifyHandle(r.title)), plainCsvCell(r.title),
                     QStringLiteral("Title"), QStringLiteral("Default Title"), QString(), QString(),
                     QString(), QString(), plainCsvCell(r.listingSku), QString(), QString(),
                     plainCsvCell(feed.shopifyLocation), QString(), QStringLiteral("0"),
                     QStringLiteral("0"), QStringLiteral("0"), quantity, quantity, quantity},
                    QLatin1Char(','));
    }
    return out;
}

QByteArray amazonPriceQuantityTxt(const models::ChannelStockFeed &feed)
{
    QByteArray out = QByteArray(kAmazonPriceQuantityHeader) + "\r\n";
    for (const models::ChannelStockRow &r : feed.rows)
        out += line({tsvCell(r.listingSku), QString(), QString(), QString(),
                     QString::number(r.quantity), QString(), QString()},
                    QLatin1Char('\t'));
    return out;
}

QString ebayActionHeader(const QString &currency)
{
    struct Site
    {
        const char *currency;
        const char *site;
        const char *country;
    };
    static const Site sites[] = {{"GBP", "UK", "GB"},
                                 {"USD", "US", "US"},
                                 {"EUR", "Germany", "DE"},
                                 {"AUD", "Australia", "AU"},
                                 {"CAD", "Canada", "CA"}};
    const Site *site = &sites[1];
    for (const Site &s : sites)
        if (currency == QLatin1String(s.currency))
            site = &s;
    return QStringLiteral("Action(SiteID=%1|Country=%2|Currency=%3|Version=1193|CC=UTF-8)")
        .arg(QLatin1String(site->site), QLatin1String(site->country),
             QLatin1String(site->currency));
}

QByteArray ebayQuantityCsv(const models::ChannelStockFeed &feed)
{
    QByteArray out = line({ebayActionHeader(feed.currency), QStringLiteral("ItemID"),
                           QStringLiteral("CustomLabel"), QStringLiteral("Quantity")},
                          QLatin1Char(','));
    for (const models::ChannelStockRow &r : feed.rows)
        out += line({QStringLiteral("Revise"), QString(), plainCsvCell(r.listingSku),
                     QString::number(r.quantity)},
                    QLatin1Char(','));
    return out;
}

} // namespace importers
