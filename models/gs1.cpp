#include "models/gs1.h"

#include "models/gtin.h"

namespace models::gs1 {

namespace {

constexpr QChar kGroupSeparator = QChar(0x1D);

struct AiSpec
{
    int aiDigits = 0;    // 2, 3 or 4
    int fixedLength = 0; // data length when predefined, else 0
    int maxLength = 0;   // for variable-length data
    bool numeric = false;
};

bool allDigits(QStringView s)
{
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return !s.isEmpty();
}

// The GS1 General Specifications' AI table, by the AI's leading digits. Only the
// AIs seen on goods and parcels are listed; anything else is refused by name.
std::optional<AiSpec> specFor(QStringView digits)
{
    if (digits.size() < 2 || !allDigits(digits.first(2)))
        return std::nullopt;
    const int two = digits.first(2).toInt();
    switch (two) {
    case 0:
        return AiSpec{2, 18, 18, true}; // SSCC
    case 1:
    case 2:
    case 3:
        return AiSpec{2, 14, 14, true}; // GTIN, content GTIN
    case 10:
    case 21:
    case 22:
        return AiSpec{2, 0, 20, false}; // batch, serial, consumer product variant
    case 11:
    case 12:
    case 13:
    case 15:
    case 16:
    case 17:
        return AiSpec{2, 6, 6, true}; // dates YYMMDD
    case 20:
        return AiSpec{2, 2, 2, true}; // internal product variant
    case 30:
    case 37:
        return AiSpec{2, 0, 8, true}; // variable count
    case 31:
    case 32:
    case 33:
    case 34:
    case 35:
    case 36:
        return AiSpec{4, 6, 6, true}; // trade and logistic measures, 310n …
    case 24:
    case 25:
        return AiSpec{3, 0, 30, false}; // 240, 241, 250, 251, 254 …
    case 39:
        return AiSpec{4, 0, 15, true}; // amount payable 390n-393n
    case 40:
        return AiSpec{3, 0, 30, false}; // customer order numbers
    case 41:
        return AiSpec{3, 13, 13, true}; // GLN (410-417)
    case 42:
        return AiSpec{3, 0, 20, false}; // ship-to postcode, country
    case 70:
    case 71:
    case 72:
    case 80:
    case 81:
    case 82:
        return AiSpec{4, 0, 30, false};
    case 90:
    case 91:
    case 92:
    case 93:
    case 94:
    case 95:
    case 96:
    case 97:
    case 98:
    case 99:
        return AiSpec{2, 0, 90, false}; // company internal
    default:
        return std::nullopt;
    }
}

Result<QList<Element>> parseBracketed(QStringView data)
{
    QString unbracketed;
    qsizetype i = 0;
    while (i < data.size()) {
        if (data.at(i) != u'(')
            return Error{QStringLiteral("GS1 code: \"(\" expected at character %1").arg(i + 1)};
        const qsizetype close = data.indexOf(u')', i);
        if (close < 0)
            return Error{QStringLiteral("GS1 code: AI at character %1 is not closed").arg(i + 1)};
        const qsizetype next = data.indexOf(u'(', close);
        const QStringView ai = data.mid(i + 1, close - i - 1);
        const QStringView value = data.mid(close + 1, (next < 0 ? data.size() : next) - close - 1);
        unbracketed += ai;
        unbracketed += value;
        const std::optional<AiSpec> spec = specFor(ai);
        if (spec && spec->fixedLength == 0 && next >= 0)
            unbracketed += kGroupSeparator;
        i = next < 0 ? data.size() : next;
    }
    return parseElementString(unbracketed);
}

} // namespace

ScannedText splitSymbologyIdentifier(QStringView scanned)
{
    // "]" + symbology character + modifier digit/letter (ISO/IEC 15424).
    if (scanned.size() >= 3 && scanned.at(0) == u']' && scanned.at(1).isLetter())
        return {scanned.first(3).toString(), scanned.mid(3).toString()};
    return {QString(), scanned.toString()};
}

bool isGs1Identifier(QStringView identifier)
{
    return identifier == u"]C1" || identifier == u"]d2" || identifier == u"]Q3" ||
           identifier == u"]e0" || identifier == u"]J1";
}

Result<QList<Element>> parseElementString(QStringView data)
{
    if (data.startsWith(u'('))
        return parseBracketed(data);
    QList<Element> out;
    qsizetype i = 0;
    // A leading FNC1 is the GS1 marker itself when a scanner passes it through.
    while (i < data.size() && data.at(i) == kGroupSeparator)
        ++i;
    if (i >= data.size())
        return Error{QStringLiteral("GS1 code: no data")};
    while (i < data.size()) {
        const std::optional<AiSpec> spec = specFor(data.mid(i, 4));
        if (!spec) {
            return Error{QStringLiteral("GS1 code: unknown application identifier \"%1\" at "
                                        "character %2")
                             .arg(data.mid(i, 2).toString())
                             .arg(i + 1)};
        }
        const QStringView ai = data.mid(i, spec->aiDigits);
        if (ai.size() < spec->aiDigits || !allDigits(ai))
            return Error{QStringLiteral("GS1 code: AI \"%1\" is cut short").arg(ai.toString())};
        i += spec->aiDigits;
        qsizetype end = 0;
        if (spec->fixedLength > 0) {
            end = i + spec->fixedLength;
            if (end > data.size()) {
                return Error{QStringLiteral("GS1 code: AI (%1) needs %2 characters, not %3")
                                 .arg(ai.toString())
                                 .arg(spec->fixedLength)
                                 .arg(data.size() - i)};
            }
        } else {
            end = data.indexOf(kGroupSeparator, i);
            if (end < 0)
                end = data.size();
            if (end - i > spec->maxLength) {
                return Error{QStringLiteral("GS1 code: AI (%1) holds at most %2 characters, not %3")
                                 .arg(ai.toString())
                                 .arg(spec->maxLength)
                                 .arg(end - i)};
            }
        }
        const QStringView value = data.mid(i, end - i);
        if (value.isEmpty())
            return Error{QStringLiteral("GS1 code: AI (%1) has no data").arg(ai.toString())};
        if (spec->numeric && !allDigits(value)) {
            return Error{QStringLiteral("GS1 code: AI (%1) takes digits only, not \"%2\"")
                             .arg(ai.toString(), value.toString())};
        }
        if ((ai == u"01" || ai == u"02") && !gtin::isValid(value)) {
            return Error{QStringLiteral("GS1 code: GTIN (%1) %2 has a wrong check digit")
                             .arg(ai.toString(), value.toString())};
        }
        out.append({ai.toString(), value.toString()});
        i = end;
        // FNC1 after a variable field, or after a fixed one (allowed, not needed).
        if (i < data.size() && data.at(i) == kGroupSeparator)
            ++i;
    }
    return out;
}

std::optional<QString> gtinOfScan(QStringView scanned)
{
    const ScannedText text = splitSymbologyIdentifier(scanned);
    const QStringView data(text.data);
    const bool marked = isGs1Identifier(text.identifier);
    const bool bracketed = data.startsWith(u"(01)");
    const bool unmarked = text.identifier.isEmpty() && data.size() >= 16 &&
                          data.startsWith(u"01") && allDigits(data.mid(2, 14));
    const bool leadingFnc1 = data.startsWith(kGroupSeparator);
    if (!marked && !bracketed && !unmarked && !leadingFnc1)
        return std::nullopt;
    const Result<QList<Element>> elements = parseElementString(data);
    if (!elements)
        return std::nullopt;
    for (const Element &e : elements.value())
        if (e.ai == QLatin1String("01"))
            return e.data;
    return std::nullopt;
}

std::optional<QString> toGtin14(QStringView code)
{
    if (!gtin::isValid(code))
        return std::nullopt;
    return code.toString().rightJustified(14, u'0');
}

} // namespace models::gs1
