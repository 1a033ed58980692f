#pragma once

#include "models/settingssource.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace ui {

class ScreenHeader;
class SettingsLocationsPage;

// The Settings screen: where the owner sets up the shop without touching the
// database. Sections on the left (Shop, Allocation, Picking and packing, Returns,
// Channels, Locations), a form on the right with a line under each field saying what
// it changes. Save (Ctrl+S) writes every change at once or, when a value is wrong,
// nothing, and names the field; Revert goes back to what is saved. Unsaved changes are
// flagged beside the buttons and on their sections, and the main window asks about
// them before leaving the screen (confirmLeave()).
class SettingsScreen : public QWidget
{
    Q_OBJECT
public:
    // `source` may be null: the screen then says no database is open.
    explicit SettingsScreen(models::SettingsSource *source, QWidget *parent = nullptr);

    bool hasUnsavedChanges() const;
    // True when the screen may be left: nothing unsaved, or the owner chose to save
    // (and it saved) or to discard. False keeps the owner here.
    bool confirmLeave();
    // Writes the form; false (with the reason shown) when anything was refused.
    bool save();
    // Puts back what is saved.
    void revert();

    int sectionCount() const;
    QString sectionTitle(int index) const;
    void showSection(int index);
    int currentSection() const;

protected:
    // Coming back to the screen reads the settings again (another computer may have
    // saved), unless there are changes here not saved yet.
    void showEvent(QShowEvent *event) override;

private:
    enum Section
    {
        ShopSection,
        AllocationSection,
        PickingSection,
        ReturnsSection,
        ChannelsSection,
        LocationsSection,
        SectionCount
    };

    QWidget *buildShopPage();
    QWidget *buildAllocationPage();
    QWidget *buildPickingPage();
    QWidget *buildReturnsPage();
    QWidget *buildChannelsPage();
    QWidget *settingField(const QString &key);
    void addSetting(QFormLayout *form, const QString &key, const QString &help);
    void addPage(Section section, const QString &title, QWidget *page, bool scroll = true);

    void load();
    void fill(const models::SettingsSnapshot &snapshot);
    void fillChannels();
    void refillReturnsLocations();
    void updateReturnAddress();
    void updateFlags();
    models::Result<models::ShopSettings> gather() const;
    QString sectionState(int section) const;
    QString fieldText(const QString &key) const;
    void showProblem(const QString &message);

    models::SettingsSource *m_source;
    ScreenHeader *m_header;
    QListWidget *m_sections = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStringList m_titles;
    QHash<QString, QWidget *> m_fields; // settings key -> QLineEdit or QComboBox
    QWidget *m_channelsBox = nullptr;
    QList<QLineEdit *> m_channelBuffers;
    QList<models::ChannelSettings> m_channels;
    SettingsLocationsPage *m_locations = nullptr;
    QComboBox *m_returnsLocation = nullptr;
    QLabel *m_returnAddress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QString m_currency; // as loaded: amounts are shown in it
    QStringList m_loadedState;
    bool m_filling = false;
};

} // namespace ui
