#include "ui/sidebar.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kWidth = 188;

} // namespace

Sidebar::Sidebar(QWidget *parent) : QWidget(parent), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("sidebar"));
    setFixedWidth(kWidth);
    // A styled plain QWidget only paints its background with this attribute.
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(
        QStringLiteral("#sidebar { background: #f3f5f8; border-right: 1px solid #d8dee4; }"
                       "QListWidget { background: transparent; border: none; outline: none; }"
                       "QListWidget::item { color: #24292f; padding: 7px 10px; margin: 1px 0px;"
                       "  border-radius: 6px; }"
                       "QListWidget::item:hover { background: #e6eaef; }"
                       "QListWidget::item:selected { background: #dbe9ff; color: #0b3d91; }"));

    auto *brand = new QLabel(tr("Backroom"), this);
    brand->setObjectName(QStringLiteral("sidebarBrand"));
    QFont brandFont = brand->font();
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.35);
    brandFont.setWeight(QFont::Bold);
    brand->setFont(brandFont);
    brand->setStyleSheet(QStringLiteral("color: #1f2328; padding: 0px 10px;"));

    m_list->setObjectName(QStringLiteral("sidebarList"));
    // 16 px: every style has its standard icons at that size; a size some icons lack
    // would give them narrower slots and the labels would not line up.
    m_list->setIconSize(QSize(16, 16));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFrameShape(QFrame::NoFrame);
    connect(m_list, &QListWidget::currentRowChanged, this, &Sidebar::currentIndexChanged);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 18, 10, 12);
    layout->setSpacing(14);
    layout->addWidget(brand);
    layout->addWidget(m_list, 1);
}

void Sidebar::addEntry(const QIcon &icon, const QString &title, const QString &toolTip)
{
    auto *item = new QListWidgetItem(icon, title, m_list);
    item->setToolTip(toolTip);
}

int Sidebar::currentIndex() const
{
    return m_list->currentRow();
}

void Sidebar::setCurrentIndex(int index)
{
    m_list->setCurrentRow(index);
}

} // namespace ui
