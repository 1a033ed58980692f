#include "ui/tableheader.h"

#include <QStyleOptionHeader>

namespace ui {

TableHeader::TableHeader(Qt::Orientation orientation, QWidget *parent)
    : QHeaderView(orientation, parent)
{}

void TableHeader::setSectionAlignment(int logicalIndex, Qt::Alignment alignment)
{
    m_alignments.insert(logicalIndex, alignment);
    viewport()->update();
}

void TableHeader::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    const auto it = m_alignments.constFind(logicalIndex);
    if (it != m_alignments.constEnd())
        option->textAlignment = *it;
}

} // namespace ui
