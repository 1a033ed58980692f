#pragma once

#include "app/commandline.h"

namespace app {

// Each command returns the process exit status: 0 success, 1 a problem found
// (check), 2 an error. Messages go to stdout, errors to stderr.
int runDemoCommand(const CommandLine &cl);
int runBackupCommand(const CommandLine &cl);
int runCheckCommand(const CommandLine &cl);
int runScreenshotCommand(const CommandLine &cl);
int runImportCommand(const CommandLine &cl);
int runPullCommand(const CommandLine &cl);
int runExportCommand(const CommandLine &cl);
int runAllocateCommand(const CommandLine &cl);
int runReorderCommand(const CommandLine &cl);
int runSkusCommand(const CommandLine &cl);
int runPrintCommand(const CommandLine &cl);
int runReturnsCommand(const CommandLine &cl);
// report late|stockouts|accuracy|turnover|sales (in the executable: it writes through ui/).
int runReportCommand(const CommandLine &cl);
// export shipments and export stock; runExportCommand hands them over.
int runExportShipmentsCommand(const CommandLine &cl);
int runExportStockCommand(const CommandLine &cl);
int runMainWindow(const CommandLine &cl);

} // namespace app
