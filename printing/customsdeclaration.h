#pragma once

#include "models/address.h"
#include "models/customsrules.h"
#include "models/money.h"
#include "models/result.h"
#include "printing/document.h"

#include <QDate>
#include <QList>
#include <QString>

namespace printing {

// One kind of goods in the parcel, as customs wants it described.
struct CustomsItem
{
    QString description; // "Stoneware mug" — what it is, in plain words
    QString sku;
    int quantity = 0;
    int netWeightGrams = 0; // of all `quantity` together
    models::Money value;    // of all `quantity` together
    QString hsCode;         // empty: not known, printed as a gap to fill in
    QString originCountry;  // ISO 3166-1 alpha-2; empty: not known
};

enum class CustomsCategory
{
    SaleOfGoods,
    Gift,
    CommercialSample,
    ReturnedGoods,
    Documents,
    Other,
};

// A CN22, CN23 or commercial invoice as plain values; `form` says which.
struct CustomsDeclarationData
{
    models::CustomsForm form = models::CustomsForm::Cn22;
    models::Address sender;
    QString senderEmail;
    models::Address recipient;
    QString recipientEmail;
    QString orderNumber;    // the invoice / reference number, printed as Code 128
    QString trackingNumber; // printed as Code 128 when there is one
    QString carrier;
    QString service;
    QDate date;
    CustomsCategory category = CustomsCategory::SaleOfGoods;
    QList<CustomsItem> items;
    models::Money postage; // what the buyer paid for shipping
    int grossWeightGrams = 0;

    models::Money totalValue() const;
    int totalNetWeightGrams() const;
    // "SKU HF-MUG-0001: no HS code", one per missing fact, so the merchant can
    // complete the catalogue; the form still prints with the gaps marked.
    QStringList gaps() const;
};

// A CN22 on a 4x6 in label (it goes on the parcel beside the address label);
// a CN23 or commercial invoice on `sheet` (A4 or Letter), items continuing onto
// further pages. Refuses a form of None, no items, or a number Code 128 cannot carry.
models::Result<Document> customsDeclarationDocument(const CustomsDeclarationData &data,
                                                    const PageSetup &sheet = PageSetup::a4(),
                                                    int labelDpi = 203);

} // namespace printing
