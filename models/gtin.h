#pragma once

#include <QString>
#include <QStringView>

namespace models::gtin {

// GS1 check digit (mod 10, weights 3 and 1 from the right) for the digits before it.
int checkDigit(QStringView digitsWithoutCheck);
// True for a well-formed GTIN-8/12/13/14 (EAN-8, UPC-A, EAN-13, GTIN-14) with a right check digit.
bool isValid(QStringView code);
// Appends the check digit.
QString withCheckDigit(QStringView digitsWithoutCheck);

} // namespace models::gtin
