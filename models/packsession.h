#pragma once

#include "models/packbox.h"
#include "models/packorder.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace models {

// What one scan or typed command at the pack bench came to.
enum class ScanResult
{
    Right,    // an item of the order, counted
    Wrong,    // a product, but not one this order wants: nothing counted
    OverScan, // one too many of an item already fully packed: nothing counted
    Unknown,  // no product has this code: nothing counted
    Quantity, // "x12": the last good scan now counts as 12
    Refused,  // a command that could not be done ("x12" with 5 wanted, "w0")
    Undo,     // the last counting step taken back
    NothingToUndo,
    Box,          // a box chosen by its code
    Weight,       // the parcel's weight typed ("w1250", "w1.25kg")
    OrderFound,   // an order scanned and loaded
    OrderRefused, // an order scanned that cannot be packed now (or not found)
};

// The code stored in pack_scans.result: "right", "wrong", "over", "unknown", …
QString scanResultCode(ScanResult result);

struct ScanVerdict
{
    ScanResult result = ScanResult::Unknown;
    int line = -1;         // the order line it concerns, -1 none
    int units = 0;         // units added to that line (negative for an undo)
    QString message;       // what the packer reads, in plain words
    bool complete = false; // every line is now fully packed
    int kit = -1;          // a kit's own code was scanned: its index in PackOrder::kits

    // Green: the scan was right. Red: the packer must look (nothing was counted).
    bool isGood() const { return result == ScanResult::Right || result == ScanResult::Quantity; }
    bool isBad() const
    {
        return result == ScanResult::Wrong || result == ScanResult::OverScan ||
               result == ScanResult::Unknown || result == ScanResult::Refused ||
               result == ScanResult::OrderRefused;
    }
};

// What the packer typed into the scan field, sorted into the things it can mean.
struct PackInput
{
    enum class Kind
    {
        Code,     // an item, order or box code
        Multiply, // "x12": the last good scan counts as 12
        Undo,     // "UNDO" (a code on the bench), or Ctrl+Z
        Weight,   // "w1250" grams, "w1.25kg"
        Empty,
    };
    Kind kind = Kind::Empty;
    QString code;   // Code: the text as scanned, trimmed
    int number = 0; // Multiply: the total; Weight: grams (0 when unreadable)
};
PackInput parsePackInput(const QString &typed);

// Checks one order at the bench, scan by scan, with no database: the order's
// lines come in with every code that names their product, and a function that
// says what some other code is (for "wrong item: you scanned X"). A product is
// recognised by any of its barcodes, its SKU, a channel SKU, or a GS1-128 /
// GS1 DataMatrix / GS1 QR code whose (01) GTIN matches one of its barcodes (EAN-13,
// UPC-A, EAN-8 and GTIN-14 compare equal with leading zeros). A wrong scan never
// counts anything.
// Kits are packed as their parts: each part is a line of its own, counted against
// the kit's order line, and the kit's own codes are refused, naming the parts still
// to scan. A product on several lines (a kit's part and the same product ordered on
// its own, or two kits sharing a part) fills them from the top, as the bench lists
// them: the first line still wanting it.
class PackSession
{
public:
    using Identify = std::function<std::optional<ScannedProduct>(const QString &code)>;

    PackSession() = default;
    explicit PackSession(PackOrder order, QList<PackBox> boxes = {});

    bool hasOrder() const { return m_order.id != 0; }
    const PackOrder &order() const { return m_order; }
    int lineCount() const { return static_cast<int>(m_order.lines.size()); }
    int packed(int line) const { return m_packed.value(line); }
    // Whole kits of PackOrder::kits[kit] whose parts are all packed.
    int kitsPacked(int kit) const;
    int remaining(int line) const;
    int unitsPacked() const;
    int unitsWanted() const { return m_order.unitsWanted(); }
    bool isComplete() const;
    // True once any scan for this order was wrong, one too many or unknown.
    bool hadMisScan() const { return m_misScans > 0; }
    int misScans() const { return m_misScans; }
    // The line the last counting step went to, -1 none.
    int lastLine() const { return m_steps.isEmpty() ? -1 : m_steps.constLast().line; }

    // Everything the packer types or scans: item codes, "x12", "UNDO", "w1250",
    // box codes. An order code is not handled here: the screen looks orders up.
    ScanVerdict submit(const QString &typed, const Identify &identify = {});

    ScanVerdict scan(const QString &code, const Identify &identify = {});
    ScanVerdict multiplyLast(int total);
    ScanVerdict undo();
    ScanVerdict setWeight(int grams);
    ScanVerdict chooseBox(const QString &code);

    // The line `code` names (the first with units still wanted, else the first at
    // all), or -1.
    int matchLine(const QString &code) const;

    const QList<PackBox> &boxes() const { return m_boxes; }
    std::optional<PackBox> chosenBox() const { return m_box; }
    // From the items' sizes and weights; none when a size is missing.
    std::optional<PackBox> suggestedBox() const;
    // The box the parcel goes in: the chosen one, else the suggested one.
    std::optional<PackBox> box() const { return m_box ? m_box : suggestedBox(); }
    int contentWeightGrams() const;
    // Typed weight, 0 when none was typed.
    int weightGrams() const { return m_weightGrams; }
    // The items and the box, for when no weight was typed.
    int estimatedWeightGrams() const;

private:
    struct Step
    {
        int line = -1;
        int units = 0;
        bool multiplied = false;
    };

    QString describe(int line) const;
    QString wanted() const;
    ScanVerdict finish(ScanVerdict v) const;

    PackOrder m_order;
    QList<PackBox> m_boxes;
    QList<int> m_packed;
    QList<Step> m_steps;
    QHash<QString, QList<int>> m_lineByCode; // normalised code -> lines
    QHash<QString, int> m_kitByCode;         // normalised code -> kit
    ScanVerdict refuseKit(int kit) const;
    int m_misScans = 0;
    std::optional<PackBox> m_box;
    int m_weightGrams = 0;
};

// The keys a code is looked up by: the GTIN-14 ("G" + 14 digits) when it is a GTIN
// or a GS1 element string with (01), and the code itself in upper case without a
// symbology identifier.
QStringList packCodeKeys(const QString &code);

} // namespace models
