#pragma once

#include "models/automationrule.h"
#include "models/orderdetail.h"
#include "models/orderdocument.h"
#include "models/orderimportsink.h"
#include "models/orderqueuerow.h"
#include "models/packbenchsource.h"
#include "models/picklist.h"
#include "models/purchasingsource.h"
#include "models/reordersource.h"
#include "models/reportsource.h"
#include "models/result.h"
#include "models/returnssource.h"
#include "models/settingssource.h"
#include "models/shippingsource.h"
#include "models/stocklevelrow.h"
#include "models/stockoperations.h"

#include <QString>

#include <functional>
#include <memory>

namespace ui {

// Opens a sink for one import run. It is called on the import's own thread, so a
// sink that holds a database connection opens it in the thread that uses it.
using OrderImportSinkFactory =
    std::function<models::Result<std::unique_ptr<models::OrderImportSink>>()>;

// Opens a reorder source with a database connection of its own. It is called on the
// thread that will use the source: the Reorder screen computes on a worker thread.
using ReorderSourceFactory =
    std::function<models::Result<std::unique_ptr<models::ReorderSource>>()>;

// Opens a report source with a database connection of its own, on the Reports
// screen's worker thread.
using ReportSourceFactory = std::function<models::Result<std::unique_ptr<models::ReportSource>>()>;

// What the app layer hands the main window: the data sources it built over the
// open database. The window never opens a database itself, so ui/ stays free of
// storage/ and tests can pass in-memory sources. The sources must outlive the window.
struct ScreenSources
{
    models::OrderSource *orders = nullptr;
    models::StockLevelSource *stock = nullptr;
    QString databasePath; // shown in the status bar
    // Empty: File › Import… still previews files but says importing is unavailable.
    OrderImportSinkFactory makeImportSink = {};
    QString userName = {}; // recorded with each import run
    // Empty: the Reorder screen says no database is open.
    ReorderSourceFactory makeReorderSource = {};
    // Empty: the Reports screen says no database is open.
    ReportSourceFactory makeReportSource = {};
    // Null: the Orders screen has no detail panel, or no bulk actions (read-only queue).
    models::OrderDetailSource *orderDetails = nullptr;
    models::OrderActions *orderActions = nullptr;
    // Null: the Pack bench says no database is open.
    models::PackBenchSource *packBench = nullptr;
    // Null: the Orders screen has no print actions (labels, packing slips).
    models::OrderDocumentSource *orderDocuments = nullptr;
    // Null: the Pick lists screen says no database is open.
    models::PickListSource *pickLists = nullptr;
    // Null: the Purchasing screen says no database is open.
    models::PurchasingSource *purchasing = nullptr;
    // Null: the Shipping screen says no database is open.
    models::ShippingSource *shipping = nullptr;
    // Null: the Stock screen lists stock but offers no adjustments, transfers or counts.
    models::StockOperations *stockOperations = nullptr;
    // Null: the Returns screen says no database is open.
    models::ReturnsSource *returns = nullptr;
    // Null: the Automation rules dialog says no database is open.
    models::AutomationSource *automation = nullptr;
    // Null: the Settings screen says no database is open.
    models::SettingsSource *settings = nullptr;
};

} // namespace ui
