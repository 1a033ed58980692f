#pragma once

#include "models/carrier.h"
#include "models/result.h"

#include <QString>

namespace models {

// Tracking numbers a shop hands out from a carrier's range, and the check that a
// typed or scanned one is whole.
class TrackingNumber
{
public:
    // UPU S10 check digit of an eight-digit serial: weights 8 6 4 2 3 5 9 7, then
    // 11 - (sum mod 11), where 10 becomes 0 and 11 becomes 5. -1 when the serial is
    // not eight digits.
    static int s10CheckDigit(QStringView serial);
    // Luhn (mod-10) check digit of a string of digits; -1 when it holds anything else.
    static int luhnCheckDigit(QStringView digits);

    // The number for `serial` in the carrier's scheme: "RR" + "00000123" + check +
    // "GB" for S10; prefix + zero-padded serial + check for Luhn. An error when the
    // carrier does not generate numbers or the serial does not fit its digits.
    static Result<QString> generate(const Carrier &carrier, qint64 serial);

    // Whether a scanned number belongs to the carrier's scheme with a right check
    // digit; every non-empty number passes for a carrier without a scheme. The error
    // says what is wrong in words.
    static Status check(const Carrier &carrier, QStringView number);

    // Upper case, without spaces: how a scanner or a person's typing is stored.
    static QString normalised(QStringView number);
};

} // namespace models
