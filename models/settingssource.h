#pragma once

#include "models/result.h"
#include "models/shopsettings.h"

namespace models {

// The Settings screen's data: `storage/` reads and writes the database.
class SettingsSource
{
public:
    virtual ~SettingsSource() = default;
    virtual Result<SettingsSnapshot> loadSettings() = 0;
    // All or nothing: a value that fails validateSettings() refuses the whole save.
    virtual Status saveSettings(const ShopSettings &settings) = 0;
};

} // namespace models
