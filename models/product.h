#pragma once

#include "models/money.h"

#include <QList>
#include <QString>

#include <optional>

namespace models {

enum class BarcodeSymbology
{
    Ean13,
    UpcA,
    Code128
};

struct Barcode
{
    QString value;
    BarcodeSymbology symbology = BarcodeSymbology::Ean13;
    bool primary = false;
};

QString barcodeSymbologyCode(BarcodeSymbology s);

// Something the shop stocks and sells, known by its SKU.
struct Product
{
    qint64 id = 0;
    QString sku;
    QString name;
    std::optional<qint64> supplierId;
    Money cost;
    Money price;
    int weightGrams = 0;
    std::optional<int> leadTimeDays; // overrides the supplier's
    int safetyStock = 0;
    int reorderMin = 0;
    int reorderMax = 0;
    int packSize = 1;
    QList<Barcode> barcodes;
    // For customs declarations: the HS tariff number (6 to 10 digits) and the ISO
    // 3166-1 alpha-2 country the goods were made in; empty when not known.
    QString hsCode;
    QString originCountry;
};

struct Supplier
{
    qint64 id = 0;
    QString name;
    QString email;
    QString currency;
    int leadTimeDays = 14;
};

} // namespace models
