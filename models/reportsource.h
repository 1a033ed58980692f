#pragma once

#include "models/report.h"
#include "models/result.h"

#include <functional>
#include <memory>

namespace models {

// Called every so often while a report is computed, with how far it got; return
// false to cancel.
using ReportProgress = std::function<bool(qint64 done, qint64 total)>;

// Where reports come from; storage/ implements it over the database.
class ReportSource
{
public:
    virtual ~ReportSource() = default;

    // The channels and locations the filters offer.
    virtual Result<ReportChoices> choices() = 0;
    // A cancelled run returns an Error saying so.
    virtual Result<Report> run(const ReportQuery &query, const ReportProgress &progress = {}) = 0;
};

} // namespace models
