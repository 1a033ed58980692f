#pragma once

#include "models/packbenchsource.h"
#include "models/packsession.h"
#include "ui/packsound.h"

#include <QWidget>

#include <memory>

class QFrame;
class QImage;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace ui {

class PackCamera;
class ScreenHeader;

// The packer's station: one scan field that always has the keyboard, big type, and
// the whole screen green or red after each scan. Scan an order (its number, the
// order code on its packing slip or label, or its pick-list slot), then each item;
// a wrong item, one too many or an unknown code counts nothing and turns the
// screen red with what was scanned and what the order wants. "x12" counts the last
// item 12 times; Ctrl+Z or the UNDO code takes back the last step; "w1250" or
// "w1.25kg" types the parcel's weight; a box's code chooses the box. When the last
// item is scanned the order is marked packed and orderPacked() is emitted (the
// label is printed by whoever listens). Images: Ctrl+V pastes one, Ctrl+O opens a
// file, Ctrl+K turns the webcam on; the code found goes down the same path as a
// scan. F11: full screen. Esc: put the order aside. F5 and F9 (and the Printer…
// button) ask for a reprint and the printer settings; setPrintStatus() shows how the
// last label went.
class PackBenchScreen : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        NoDatabase,
        Idle,   // waiting for an order
        Loaded, // an order on the bench, nothing to report
        Right,  // green: the last scan counted
        Wrong,  // red: the last scan counted nothing, or was refused
        Done,   // the order is packed
    };
    Q_ENUM(State)

    // A null source: the screen says no database is open.
    explicit PackBenchScreen(models::PackBenchSource *source, QWidget *parent = nullptr);
    ~PackBenchScreen() override;

    // The sounds; unless set, an EffectSound (a BeepSound where there is no audio
    // output) made when the first one plays. Tests record the cues.
    void setSound(std::unique_ptr<PackSound> sound);

    State state() const { return m_state; }
    const models::PackSession &session() const { return m_session; }
    // What the last scan came to, in full; the headline is its short, big form.
    QString message() const;
    QString headline() const;
    QString orderText() const;
    QString boxText() const;
    QString figuresText() const;
    QLineEdit *scanField() const { return m_scan; }
    QTableWidget *linesTable() const { return m_lines; }
    bool isFullScreen() const { return m_fullScreen; }

    // What a scanner types, followed by Enter.
    void submit(const QString &text);
    // Decodes a barcode in the image and submits it; false (and red) when none is found.
    bool scanImage(const QImage &image);
    bool scanImageFile(const QString &path);
    void toggleFullScreen();
    void toggleCamera();
    void refreshFigures();

    // The line about the last label: small and grey when all is well, a red band
    // when a label or slip was not printed (`problem`).
    void setPrintStatus(const QString &text, bool problem);
    QString printStatus() const;
    bool printProblem() const { return m_printProblem; }

signals:
    void orderPacked(qint64 orderId, const QString &orderNumber);
    void fullScreenChanged(bool on);
    void stateChanged(ui::PackBenchScreen::State state);
    void reprintRequested();         // F5
    void printerSettingsRequested(); // F9 or the Printer… button

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void submitToOrder(const QString &text);
    void loadOrder(const QString &code);
    void complete();
    void putAside();
    void pasteImage();
    void openImage();
    void setState(State state, const QString &message, const QString &headline = QString());
    QString headlineOf(const models::ScanVerdict &v, bool otherOrder) const;
    void showOrder();
    void log(const QString &code, const models::ScanVerdict &v);
    void play(PackSound::Cue cue);

    models::PackBenchSource *m_source;
    models::PackSession m_session;
    QList<models::PackBox> m_boxes;
    std::unique_ptr<PackSound> m_sound;
    State m_state = State::NoDatabase;
    bool m_fullScreen = false;
    qint64 m_lastPackedId = 0;
    QString m_lastPackedNumber;

    ScreenHeader *m_header;
    QFrame *m_panel;
    QLabel *m_order;
    QLabel *m_headline;
    QLabel *m_message;
    QString m_messageText;
    QLabel *m_progress;
    QTableWidget *m_lines;
    QLabel *m_box;
    QLabel *m_figures;
    QLabel *m_cameraView;
    QLineEdit *m_scan;
    QLabel *m_keys;
    QLabel *m_printStatus;
    bool m_printProblem = false;
    QTimer *m_calm;
    PackCamera *m_camera = nullptr;
};

} // namespace ui
