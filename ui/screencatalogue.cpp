#include "ui/screencatalogue.h"

namespace ui {

QList<ScreenEntry> ScreenCatalogue::entries()
{
    // Icons come from the style so the app ships no image files and matches the
    // platform; they are hints next to the words, never the only cue.
    return {
        {QStringLiteral("orders"), tr("Orders"), QStyle::SP_FileDialogDetailedView, {}},
        {QStringLiteral("stock"), tr("Stock"), QStyle::SP_DriveHDIcon, {}},
        {QStringLiteral("reorder"), tr("Reorder"), QStyle::SP_BrowserReload,
         tr("Reorder suggestions from real sales: reorder points, suggested quantities rounded "
            "to pack sizes, and purchase orders raised from them.")},
        {QStringLiteral("pick"), tr("Pick lists"), QStyle::SP_FileDialogListView,
         tr("Pick lists for a batch of ready orders, walked in bin order, with a tote slot "
            "per order.")},
        {QStringLiteral("pack"), tr("Pack bench"), QStyle::SP_DialogApplyButton,
         tr("Pack verification at the bench: scan the order, scan each item with a barcode "
            "scanner, and get a clear yes or no before the label prints.")},
        {QStringLiteral("shipping"), tr("Shipping"), QStyle::SP_ArrowForward,
         tr("Shipping labels for packed orders, on paper or as ZPL for thermal label printers, "
            "with tracking numbers recorded and the orders marked shipped.")},
        {QStringLiteral("returns"), tr("Returns"), QStyle::SP_ArrowBack,
         tr("Returns from request to refund: authorise with an RMA number, receive and inspect "
            "the goods, then restock or write them off. Stock becomes available again only "
            "after inspection.")},
        {QStringLiteral("purchasing"), tr("Purchasing"), QStyle::SP_FileIcon,
         tr("Purchase orders to suppliers: raise, send and receive them. Quantities on open "
            "purchase orders count towards available-to-promise until they arrive.")},
        {QStringLiteral("reports"), tr("Reports"), QStyle::SP_FileDialogContentsView,
         tr("Reports on sales, late orders, stock value and returns, and the reconciliation "
            "that proves every on-hand figure equals the sum of its stock movements.")},
        {QStringLiteral("settings"), tr("Settings"), QStyle::SP_ComputerIcon,
         tr("The shop's settings: name and currency, how orders get stock, short picks, "
            "returns, what each sales channel is shown, and the warehouses and stores.")},
    };
}

} // namespace ui
