#include "models/packsession.h"

#include "models/gs1.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace models {

QString scanResultCode(ScanResult result)
{
    switch (result) {
    case ScanResult::Right:
        return QStringLiteral("right");
    case ScanResult::Wrong:
        return QStringLiteral("wrong");
    case ScanResult::OverScan:
        return QStringLiteral("over");
    case ScanResult::Unknown:
        return QStringLiteral("unknown");
    case ScanResult::Quantity:
        return QStringLiteral("quantity");
    case ScanResult::Refused:
        return QStringLiteral("refused");
    case ScanResult::Undo:
        return QStringLiteral("undo");
    case ScanResult::NothingToUndo:
        return QStringLiteral("undo_empty");
    case ScanResult::Box:
        return QStringLiteral("box");
    case ScanResult::Weight:
        return QStringLiteral("weight");
    case ScanResult::OrderFound:
        return QStringLiteral("order");
    case ScanResult::OrderRefused:
        return QStringLiteral("order_refused");
    }
    return QString();
}

PackInput parsePackInput(const QString &typed)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return {PackInput::Kind::Empty, QString(), 0};
    if (text.compare(QLatin1String("UNDO"), Qt::CaseInsensitive) == 0)
        return {PackInput::Kind::Undo, text, 0};
    // "x12", "X12", "×12", "*12"
    static const QRegularExpression multiply(QStringLiteral("^[xX\\x{00D7}*]\\s*(\\d{1,5})$"));
    if (const QRegularExpressionMatch m = multiply.match(text); m.hasMatch())
        return {PackInput::Kind::Multiply, text, m.captured(1).toInt()};
    // "w1250", "w1250g", "w1.25kg", "W 2,5 kg"
    static const QRegularExpression weight(
        QStringLiteral("^[wW]\\s*(\\d{1,6}(?:[.,]\\d{1,3})?)\\s*(kg|KG|Kg|g|G)?$"));
    if (const QRegularExpressionMatch m = weight.match(text); m.hasMatch()) {
        QString number = m.captured(1);
        number.replace(u',', u'.');
        const double value = number.toDouble();
        const bool kilograms = m.captured(2).compare(QLatin1String("kg"), Qt::CaseInsensitive) == 0;
        const bool fraction = number.contains(u'.');
        // "w1.25" reads as kilograms: nobody weighs a parcel in fractions of a gram.
        const double grams = (kilograms || fraction) ? value * 1000.0 : value;
        return {PackInput::Kind::Weight, text, static_cast<int>(std::lround(grams))};
    }
    return {PackInput::Kind::Code, text, 0};
}

QStringList packCodeKeys(const QString &code)
{
    const gs1::ScannedText text = gs1::splitSymbologyIdentifier(code.trimmed());
    QStringList keys;
    if (std::optional<QString> g = gs1::gtinOfScan(code.trimmed()))
        keys.append(QStringLiteral("G") + *g);
    else if (std::optional<QString> g = gs1::toGtin14(text.data))
        keys.append(QStringLiteral("G") + *g);
    const QString plain = text.data.toUpper();
    if (!plain.isEmpty())
        keys.append(plain);
    return keys;
}

PackSession::PackSession(PackOrder order, QList<PackBox> boxes)
    : m_order(std::move(order)), m_boxes(std::move(boxes))
{
    m_packed.fill(0, m_order.lines.size());
    for (int i = 0; i < m_order.lines.size(); ++i) {
        const PackLine &l = m_order.lines.at(i);
        QStringList codes = l.barcodes;
        codes << l.sku << l.channelSkus;
        for (const QString &c : std::as_const(codes)) {
            for (const QString &key : packCodeKeys(c)) {
                QList<int> &lines = m_lineByCode[key];
                if (!lines.contains(i))
                    lines.append(i);
            }
        }
    }
    for (int k = 0; k < m_order.kits.size(); ++k) {
        const PackKit &kit = m_order.kits.at(k);
        QStringList codes = kit.barcodes;
        codes << kit.sku << kit.channelSkus;
        for (const QString &c : std::as_const(codes))
            for (const QString &key : packCodeKeys(c))
                if (!m_kitByCode.contains(key))
                    m_kitByCode.insert(key, k);
    }
}

int PackSession::kitsPacked(int kit) const
{
    int kits = -1;
    for (int i = 0; i < m_order.lines.size(); ++i) {
        const PackLine &l = m_order.lines.at(i);
        if (l.kit != kit || l.perKit <= 0)
            continue;
        const int whole = m_packed.at(i) / l.perKit;
        kits = kits < 0 ? whole : std::min(kits, whole);
    }
    return std::max(0, kits);
}

ScanVerdict PackSession::refuseKit(int kit) const
{
    const PackKit &k = m_order.kits.at(kit);
    QStringList toScan;
    QStringList perKit;
    for (int i = 0; i < m_order.lines.size(); ++i) {
        const PackLine &l = m_order.lines.at(i);
        if (l.kit != kit)
            continue;
        perKit.append(QStringLiteral("%1 × %2").arg(l.perKit).arg(l.sku));
        if (remaining(i) > 0)
            toScan.append(QStringLiteral("%1 × %2").arg(remaining(i)).arg(l.sku));
    }
    const auto andList = [](const QStringList &items) {
        if (items.size() <= 1)
            return items.join(QString());
        return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) +
               QStringLiteral(" and ") + items.last();
    };
    const QString name = k.title.isEmpty() ? k.sku : QStringLiteral("%1 (%2)").arg(k.sku, k.title);
    ScanVerdict v;
    v.result = ScanResult::Refused;
    v.kit = kit;
    v.message = toScan.isEmpty()
                    ? QStringLiteral("%1 is a kit: its parts are all packed (%2 in each)")
                          .arg(name, andList(perKit))
                    : QStringLiteral("%1 is a kit: scan its parts, %2").arg(name, andList(toScan));
    return finish(v);
}

int PackSession::remaining(int line) const
{
    if (line < 0 || line >= m_order.lines.size())
        return 0;
    return m_order.lines.at(line).quantity - m_packed.at(line);
}

int PackSession::unitsPacked() const
{
    int n = 0;
    for (int p : m_packed)
        n += p;
    return n;
}

bool PackSession::isComplete() const
{
    if (!hasOrder() || m_order.lines.isEmpty())
        return false;
    for (int i = 0; i < m_order.lines.size(); ++i)
        if (remaining(i) > 0)
            return false;
    return true;
}

int PackSession::matchLine(const QString &code) const
{
    int any = -1;
    for (const QString &key : packCodeKeys(code)) {
        const auto it = m_lineByCode.constFind(key);
        if (it == m_lineByCode.cend())
            continue;
        for (int line : it.value()) {
            if (remaining(line) > 0)
                return line;
            if (any < 0)
                any = line;
        }
    }
    return any;
}

QString PackSession::describe(int line) const
{
    const PackLine &l = m_order.lines.at(line);
    if (l.kit >= 0 && l.kit < m_order.kits.size())
        return QStringLiteral("%1 (%2) for %3").arg(l.title, l.sku, m_order.kits.at(l.kit).sku);
    return QStringLiteral("%1 (%2)").arg(l.title, l.sku);
}

QString PackSession::wanted() const
{
    QStringList parts;
    for (int i = 0; i < m_order.lines.size(); ++i)
        if (remaining(i) > 0)
            parts << QStringLiteral("%1 ×%2").arg(describe(i)).arg(remaining(i));
    return parts.isEmpty() ? QStringLiteral("nothing more") : parts.join(QStringLiteral(", "));
}

ScanVerdict PackSession::finish(ScanVerdict v) const
{
    v.complete = isComplete();
    return v;
}

ScanVerdict PackSession::submit(const QString &typed, const Identify &identify)
{
    const PackInput input = parsePackInput(typed);
    switch (input.kind) {
    case PackInput::Kind::Multiply:
        return multiplyLast(input.number);
    case PackInput::Kind::Undo:
        return undo();
    case PackInput::Kind::Weight:
        return setWeight(input.number);
    case PackInput::Kind::Empty:
        return finish({ScanResult::Refused, -1, 0, QStringLiteral("Nothing was scanned"), false});
    case PackInput::Kind::Code:
        break;
    }
    for (const PackBox &b : std::as_const(m_boxes))
        if (b.code.compare(input.code, Qt::CaseInsensitive) == 0)
            return chooseBox(b.code);
    return scan(input.code, identify);
}

ScanVerdict PackSession::scan(const QString &code, const Identify &identify)
{
    const int line = matchLine(code);
    if (line >= 0 && remaining(line) > 0) {
        ++m_packed[line];
        m_steps.append({line, 1, false});
        return finish({ScanResult::Right, line, 1,
                       QStringLiteral("%1: %2 of %3")
                           .arg(describe(line))
                           .arg(m_packed.at(line))
                           .arg(m_order.lines.at(line).quantity),
                       false});
    }
    // The kit's own code: the parts go in the box, so the packer scans those.
    if (line < 0)
        for (const QString &key : packCodeKeys(code))
            if (const auto kit = m_kitByCode.constFind(key); kit != m_kitByCode.cend())
                return refuseKit(*kit);
    ++m_misScans;
    if (line >= 0) {
        return finish({ScanResult::OverScan, line, 0,
                       QStringLiteral("One too many: %1 (all %2 already packed). Take it out.")
                           .arg(describe(line))
                           .arg(m_order.lines.at(line).quantity),
                       false});
    }
    const std::optional<ScannedProduct> other = identify ? identify(code) : std::nullopt;
    if (other) {
        return finish({ScanResult::Wrong, -1, 0,
                       QStringLiteral("Wrong item: you scanned %1 (%2). This order wants %3.")
                           .arg(other->name, other->sku, wanted()),
                       false});
    }
    return finish({ScanResult::Unknown, -1, 0,
                   QStringLiteral("Unknown code \"%1\": no product has it. This order wants %2.")
                       .arg(code.trimmed(), wanted()),
                   false});
}

ScanVerdict PackSession::multiplyLast(int total)
{
    if (m_steps.isEmpty() || m_steps.constLast().multiplied) {
        return finish({ScanResult::Refused, -1, 0,
                       QStringLiteral("x%1: scan one item first, then type x%1").arg(total),
                       false});
    }
    const int line = m_steps.constLast().line;
    if (total < 2) {
        return finish({ScanResult::Refused, line, 0,
                       QStringLiteral("x%1: type the total count, 2 or more").arg(total), false});
    }
    const int extra = total - 1;
    if (extra > remaining(line)) {
        return finish({ScanResult::Refused, line, 0,
                       QStringLiteral("x%1 refused: %2 wants only %3 (%4 packed)")
                           .arg(total)
                           .arg(describe(line))
                           .arg(m_order.lines.at(line).quantity)
                           .arg(m_packed.at(line)),
                       false});
    }
    m_packed[line] += extra;
    m_steps.append({line, extra, true});
    return finish({ScanResult::Quantity, line, extra,
                   QStringLiteral("%1 ×%2: %3 of %4")
                       .arg(describe(line))
                       .arg(total)
                       .arg(m_packed.at(line))
                       .arg(m_order.lines.at(line).quantity),
                   false});
}

ScanVerdict PackSession::undo()
{
    if (m_steps.isEmpty())
        return finish({ScanResult::NothingToUndo, -1, 0, QStringLiteral("Nothing to undo"), false});
    const Step s = m_steps.takeLast();
    m_packed[s.line] -= s.units;
    return finish({ScanResult::Undo, s.line, -s.units,
                   QStringLiteral("Undone: %1 %2 (%3 of %4 packed)")
                       .arg(s.units)
                       .arg(describe(s.line))
                       .arg(m_packed.at(s.line))
                       .arg(m_order.lines.at(s.line).quantity),
                   false});
}

ScanVerdict PackSession::setWeight(int grams)
{
    if (grams <= 0 || grams > 70'000) {
        return finish({ScanResult::Refused, -1, 0,
                       QStringLiteral("Weight not understood: type w and grams (w1250) or "
                                      "kilograms (w1.25kg), up to 70 kg"),
                       false});
    }
    m_weightGrams = grams;
    return finish({ScanResult::Weight, -1, 0,
                   QStringLiteral("Weight %1 kg").arg(grams / 1000.0, 0, 'f', 3), false});
}

ScanVerdict PackSession::chooseBox(const QString &code)
{
    for (const PackBox &b : std::as_const(m_boxes)) {
        if (b.code.compare(code, Qt::CaseInsensitive) == 0) {
            m_box = b;
            return finish(
                {ScanResult::Box, -1, 0, QStringLiteral("Box %1 (%2)").arg(b.name, b.code), false});
        }
    }
    return finish({ScanResult::Refused, -1, 0,
                   QStringLiteral("No box has the code \"%1\"").arg(code), false});
}

std::optional<PackBox> PackSession::suggestedBox() const
{
    QList<BoxItem> items;
    for (const PackLine &l : m_order.lines)
        items.append({l.lengthMm, l.widthMm, l.heightMm, l.quantity});
    return suggestBox(m_boxes, items, contentWeightGrams());
}

int PackSession::contentWeightGrams() const
{
    int grams = 0;
    for (const PackLine &l : m_order.lines)
        grams += l.weightGrams * l.quantity;
    return grams;
}

int PackSession::estimatedWeightGrams() const
{
    const std::optional<PackBox> b = box();
    return contentWeightGrams() + (b ? b->tareGrams : 0);
}

} // namespace models
