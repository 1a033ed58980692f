#pragma once

#include <QString>

namespace models {

// A postal address as shipped to; country is an ISO 3166-1 alpha-2 code.
struct Address
{
    QString name;
    QString company;
    QString line1;
    QString line2;
    QString city;
    QString region;
    QString postcode;
    QString country;
    QString phone;
};

} // namespace models
