#include "models/gtin.h"

namespace models::gtin {

int checkDigit(QStringView digits)
{
    int sum = 0;
    bool three = true; // the digit next to the check digit weighs 3
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        sum += digits.at(i).digitValue() * (three ? 3 : 1);
        three = !three;
    }
    return (10 - sum % 10) % 10;
}

bool isValid(QStringView code)
{
    const qsizetype n = code.size();
    if (n != 8 && n != 12 && n != 13 && n != 14)
        return false;
    for (QChar c : code)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return checkDigit(code.first(n - 1)) == code.at(n - 1).digitValue();
}

QString withCheckDigit(QStringView digits)
{
    return digits.toString() + QString::number(checkDigit(digits));
}

} // namespace models::gtin
