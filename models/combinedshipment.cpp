#include "models/combinedshipment.h"

namespace models {

QString postcodeKey(const QString &postcode)
{
    QString out;
    out.reserve(postcode.size());
    for (QChar c : postcode)
        if (!c.isSpace())
            out.append(c.toUpper());
    return out;
}

QString addressTextKey(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out.append(QLatin1Char(' '));
            space = false;
            out.append(c.toCaseFolded());
        } else if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char('-') ||
                   c == QLatin1Char('/')) {
            space = true;
        }
        // Other punctuation ("St." "O'Neil") is dropped without a gap.
    }
    return out;
}

bool sameCustomer(const ShipToFacts &a, const ShipToFacts &b)
{
    if (a.customerId != 0 && a.customerId == b.customerId)
        return true;
    const QString ea = a.email.trimmed();
    const QString eb = b.email.trimmed();
    if (!ea.isEmpty() && !eb.isEmpty())
        return ea.compare(eb, Qt::CaseInsensitive) == 0;
    const QString na = addressTextKey(a.shipTo.name);
    return !na.isEmpty() && na == addressTextKey(b.shipTo.name);
}

bool sameShipTo(const Address &a, const Address &b)
{
    const QString pa = postcodeKey(a.postcode);
    const QString la = addressTextKey(a.line1);
    return !pa.isEmpty() && !la.isEmpty() && pa == postcodeKey(b.postcode) &&
           la == addressTextKey(b.line1) &&
           a.country.trimmed().compare(b.country.trimmed(), Qt::CaseInsensitive) == 0;
}

bool shipsTogether(const ShipToFacts &a, const ShipToFacts &b)
{
    return a.orderId != b.orderId && sameShipTo(a.shipTo, b.shipTo) && sameCustomer(a, b);
}

QStringList shipsWithLines(const ShipToFacts &order, const QList<ShipToFacts> &candidates)
{
    QStringList out;
    for (const ShipToFacts &c : candidates)
        if (shipsTogether(order, c))
            out << QStringLiteral("Ships with %1 (%2) to the same address")
                       .arg(c.orderNumber.startsWith(QLatin1Char('#'))
                                ? c.orderNumber
                                : QLatin1Char('#') + c.orderNumber,
                            c.channelName);
    return out;
}

} // namespace models
