#pragma once

#include "storage/sqlitebulkloader.h"

namespace app::demo {

// The carriers, services and rate cards a UK homewares shop with a Dutch 3PL
// buys: Royal Mail, DPD, Evri and DHL, named exactly as the demo's shipments name
// them, with weight bands to every country the shop sells to.
void addDemoCarriers(storage::SqliteBulkLoader &loader);

} // namespace app::demo
