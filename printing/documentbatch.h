#pragma once

#include "models/result.h"
#include "printing/document.h"
#include "printing/documentrender.h"

#include <QList>

class QPagedPaintDevice;

namespace printing {

// Several documents one after the other in one print job or PDF, "page n of m"
// counted within each document. A QPdfWriter puts each page on its own
// document's paper; a QPrinter keeps the first document's paper for the whole
// job (drivers cannot change paper inside a job), so batch one kind at a time.
// Fails with the first block that could not be drawn, naming the document.
models::Result<RenderReport> paintDocuments(const QList<Document> &documents,
                                            QPagedPaintDevice &device);

int totalPages(const QList<Document> &documents);

} // namespace printing
