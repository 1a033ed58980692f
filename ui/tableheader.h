#pragma once

#include <QHash>
#include <QHeaderView>

namespace ui {

// A column header whose labels can be aligned per section, so the label of a
// column of numbers sits over the numbers (right) instead of at the far left.
// QHeaderView alone only offers one alignment for all sections.
class TableHeader : public QHeaderView
{
    Q_OBJECT
public:
    explicit TableHeader(Qt::Orientation orientation, QWidget *parent = nullptr);

    void setSectionAlignment(int logicalIndex, Qt::Alignment alignment);

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;

private:
    QHash<int, Qt::Alignment> m_alignments;
};

} // namespace ui
