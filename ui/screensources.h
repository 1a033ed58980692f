#pragma once

#include "models/orderqueuerow.h"
#include "models/stocklevelrow.h"

#include <QString>

namespace ui {

// What the app layer hands the main window: the data sources it built over the
// open database. The window never opens a database itself, so ui/ stays free of
// storage/ and tests can pass in-memory sources. The sources must outlive the window.
struct ScreenSources
{
    models::OrderSource *orders = nullptr;
    models::StockLevelSource *stock = nullptr;
    QString databasePath; // shown in the status bar
};

} // namespace ui
