#include "printing/orderdocuments.h"

#include "models/channel.h"
#include "models/customsrules.h"
#include "models/picklist.h"

#include <QHash>

#include <algorithm>

namespace printing {

namespace {

// Carriers as merchants write them at the start of a service name.
const char *const kCarriers[] = {
    "Royal Mail", "Parcelforce",   "DPD",      "Evri",        "DHL",
    "UPS",        "FedEx",         "USPS",     "Canada Post", "Australia Post",
    "PostNL",     "Deutsche Post", "La Poste", "Colissimo",   "An Post",
    "GLS",        "Yodel",         "Hermes"};

// Boxes and filling when nothing was weighed: what the demo and most small
// shops add to the contents.
constexpr int PackagingGrams = 150;

int contentsGrams(const models::OrderDocumentData &o)
{
    int grams = 0;
    for (const models::DocumentLine &l : o.lines)
        grams += l.unitWeightGrams * l.quantity;
    return grams;
}

bool hasAddress(const models::Address &a)
{
    return !a.line1.trimmed().isEmpty() &&
           !(a.city.trimmed().isEmpty() && a.postcode.trimmed().isEmpty());
}

// Countries that weigh parcels in pounds.
WeightUnit weightUnitFor(const QString &country)
{
    const QString c = country.toUpper();
    return c == u"US" || c == u"LR" || c == u"MM" ? WeightUnit::Pounds : WeightUnit::Kilograms;
}

} // namespace

models::Address shipFromAddress(const models::OrderDocumentData &order)
{
    models::Address a;
    if (order.shipFrom) {
        a = order.shipFrom->address;
        a.name = order.shopName.isEmpty() ? order.shipFrom->name : order.shopName;
        if (!order.shopName.isEmpty() && a.company.isEmpty())
            a.company = order.shipFrom->name;
    } else {
        a.name = order.shopName;
    }
    return a;
}

QString carrierForOrder(const models::OrderDocumentData &order)
{
    if (order.shipment && !order.shipment->carrier.isEmpty())
        return order.shipment->carrier;
    const QString service = order.shipment && !order.shipment->service.isEmpty()
                                ? order.shipment->service
                                : order.shippingService;
    for (const char *c : kCarriers) {
        const QString carrier = QString::fromLatin1(c);
        if (service.startsWith(carrier, Qt::CaseInsensitive))
            return carrier;
    }
    return QString();
}

models::Result<QList<LabelData>> labelsForOrder(const models::OrderDocumentData &o,
                                                const QDate &today)
{
    if (!hasAddress(o.shipTo))
        return models::Error{
            QStringLiteral("order %1 has no delivery address: no label can be printed")
                .arg(o.orderNumber)};
    if (!o.shipFrom)
        return models::Error{
            QStringLiteral("order %1: no location to ship from (add a location first)")
                .arg(o.orderNumber)};

    LabelData base;
    base.shipFrom = shipFromAddress(o);
    base.shipTo = o.shipTo;
    base.orderNumber = o.orderNumber;
    base.carrier = carrierForOrder(o);
    QString service =
        o.shipment && !o.shipment->service.isEmpty() ? o.shipment->service : o.shippingService;
    // "Royal Mail Tracked 48" under "ROYAL MAIL" reads "TRACKED 48".
    if (!base.carrier.isEmpty() && service.startsWith(base.carrier, Qt::CaseInsensitive) &&
        service.size() > base.carrier.size())
        service = service.mid(base.carrier.size()).trimmed();
    base.service = service;
    base.weightUnit = weightUnitFor(o.shipFrom->address.country);

    QList<LabelData> labels;
    if (o.shipment && !o.shipment->parcels.isEmpty()) {
        const models::DocumentShipment &sh = *o.shipment;
        base.shipDate = sh.shippedAtUtc.isValid() ? sh.shippedAtUtc.date() : today;
        const int count = int(sh.parcels.size());
        for (int i = 0; i < count; ++i) {
            LabelData l = base;
            l.parcelNumber = i + 1;
            l.parcelCount = count;
            l.weightGrams = sh.parcels.at(i).weightGrams;
            l.trackingNumber = sh.parcels.at(i).trackingNumber.isEmpty()
                                   ? sh.trackingNumber
                                   : sh.parcels.at(i).trackingNumber;
            labels.append(l);
        }
        return labels;
    }
    LabelData l = base;
    l.shipDate =
        o.shipment && o.shipment->shippedAtUtc.isValid() ? o.shipment->shippedAtUtc.date() : today;
    l.trackingNumber = o.shipment ? o.shipment->trackingNumber : QString();
    const int grams = contentsGrams(o);
    l.weightGrams = grams > 0 ? grams + PackagingGrams : 0;
    labels.append(l);
    return labels;
}

PackingSlipData packingSlipForOrder(const models::OrderDocumentData &o)
{
    PackingSlipData slip;
    slip.shopName = o.shopName.isEmpty() && o.shipFrom ? o.shipFrom->name : o.shopName;
    if (o.shipFrom)
        slip.shopAddress = o.shipFrom->address;
    slip.orderNumber = o.orderNumber;
    slip.orderDateUtc = o.placedAtUtc;
    slip.channel =
        o.channelName.isEmpty() ? models::channelDisplayName(o.channelCode) : o.channelName;
    slip.shipTo = o.shipTo;
    for (const models::DocumentLine &l : o.lines)
        slip.lines.append({l.sku, l.title, l.quantity, l.unitPrice, l.lineTotal, l.parts});
    slip.subtotal = o.subtotal;
    slip.shipping = o.shipping;
    slip.discount = o.discount;
    slip.tax = o.tax;
    slip.total = o.total;
    return slip;
}

models::Result<PickListData> pickListForOrders(const QList<models::OrderDocumentData> &orders,
                                               const QString &listId, const QDateTime &createdUtc)
{
    if (orders.isEmpty())
        return models::Error{QStringLiteral("no orders to pick")};
    PickListData list;
    list.listId = listId;
    list.createdUtc = createdUtc;
    const models::OrderDocumentData &first = orders.first();
    list.locationName = first.shipFrom ? first.shipFrom->name : QString();
    for (const models::OrderDocumentData &o : orders) {
        const qint64 at = o.shipFrom ? o.shipFrom->id : 0;
        const qint64 firstAt = first.shipFrom ? first.shipFrom->id : 0;
        if (at != firstAt)
            return models::Error{
                QStringLiteral("orders %1 (%2) and %3 (%4) ship from different locations: "
                               "print one pick list per location")
                    .arg(first.orderNumber, first.shipFrom ? first.shipFrom->code : QString(),
                         o.orderNumber, o.shipFrom ? o.shipFrom->code : QString())};
    }

    struct Row
    {
        PickRow row;
        int sequence = 0;
        bool binned = false;
    };
    QList<Row> rows;
    QHash<QString, qsizetype> bySku;
    QHash<qsizetype, QList<models::PickAllocation>> shares; // per row, for the kit note
    auto take = [&](const QString &binCode, int binSequence, const QString &barcode,
                    const QString &sku, const QString &title, int quantity, const QString &kitSku,
                    int slot) {
        qsizetype at = bySku.value(sku, -1);
        if (at < 0) {
            Row r;
            r.row.binCode = binCode;
            r.row.sku = sku;
            r.row.title = title;
            r.row.productBarcode = barcode;
            r.sequence = binSequence;
            r.binned = !r.row.binCode.isEmpty();
            at = rows.size();
            rows.append(r);
            bySku.insert(sku, at);
        }
        PickRow &row = rows[at].row;
        const auto same = std::find_if(
            row.allocations.begin(), row.allocations.end(),
            [&](const PickAllocation &a) { return a.slot == slot && a.kitSku == kitSku; });
        if (same != row.allocations.end())
            same->quantity += quantity;
        else
            row.allocations.append({slot, quantity, kitSku});
        shares[at].append({slot, 0, 0, quantity, kitSku});
    };
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const models::OrderDocumentData &o = orders.at(i);
        const int slot = int(i + 1);
        list.totes.append({slot, o.orderNumber, o.orderNumber});
        for (const models::DocumentLine &l : o.lines) {
            if (l.parts.isEmpty()) {
                take(l.binCode, l.binSequence, l.barcode, l.sku, l.title, l.quantity, {}, slot);
                continue;
            }
            // A kit is never on a shelf as itself: its parts are picked, from their bins.
            for (qsizetype p = 0; p < l.parts.size(); ++p) {
                const models::KitComponent &part = l.parts.at(p);
                const models::DocumentLine::PartShelf shelf =
                    p < l.partShelves.size() ? l.partShelves.at(p)
                                             : models::DocumentLine::PartShelf{};
                take(shelf.binCode, shelf.binSequence, shelf.barcode, part.sku, part.name,
                     l.quantity * part.quantity, l.sku, slot);
            }
        }
    }
    for (auto it = shares.cbegin(); it != shares.cend(); ++it)
        rows[it.key()].row.kitNote = models::pickKitNote(it.value());
    // The walk: binned rows by the location's pick sequence, unbinned ones last.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.binned != b.binned)
            return a.binned;
        if (a.sequence != b.sequence)
            return a.sequence < b.sequence;
        if (a.row.binCode != b.row.binCode)
            return a.row.binCode < b.row.binCode;
        return a.row.sku < b.row.sku;
    });
    for (const Row &r : std::as_const(rows)) {
        PickRow row = r.row;
        if (row.binCode.isEmpty())
            row.binCode = QStringLiteral("—");
        list.rows.append(row);
    }
    return list;
}

CustomsDeclarationData customsForOrder(const models::OrderDocumentData &o, const QDate &today)
{
    CustomsDeclarationData d;
    d.sender = shipFromAddress(o);
    d.recipient = o.shipTo;
    d.recipientEmail = o.buyerEmail;
    d.orderNumber = o.orderNumber;
    d.carrier = carrierForOrder(o);
    d.service =
        o.shipment && !o.shipment->service.isEmpty() ? o.shipment->service : o.shippingService;
    d.date =
        o.shipment && o.shipment->shippedAtUtc.isValid() ? o.shipment->shippedAtUtc.date() : today;
    d.category = CustomsCategory::SaleOfGoods;
    d.postage = o.shipping;
    for (const models::DocumentLine &l : o.lines) {
        CustomsItem item;
        item.description = l.title;
        item.sku = l.sku;
        item.quantity = l.quantity;
        item.netWeightGrams = l.unitWeightGrams * l.quantity;
        item.value = l.lineTotal;
        item.hsCode = l.hsCode;
        item.originCountry = l.originCountry;
        d.items.append(item);
    }
    int gross = 0;
    if (o.shipment) {
        d.trackingNumber = o.shipment->trackingNumber;
        for (const models::DocumentParcel &p : o.shipment->parcels)
            gross += p.weightGrams;
        if (d.trackingNumber.isEmpty() && !o.shipment->parcels.isEmpty())
            d.trackingNumber = o.shipment->parcels.first().trackingNumber;
    }
    if (gross <= 0) {
        const int contents = contentsGrams(o);
        gross = contents > 0 ? contents + PackagingGrams : 0;
    }
    d.grossWeightGrams = gross;
    models::CustomsShipment rule;
    rule.fromCountry = o.shipFrom ? o.shipFrom->address.country : QString();
    rule.toCountry = o.shipTo.country;
    rule.contentsValue = d.totalValue();
    rule.weightGrams = gross;
    rule.carrier = d.carrier.isEmpty() ? d.service : d.carrier;
    d.form = models::customsFormFor(rule);
    return d;
}

} // namespace printing
