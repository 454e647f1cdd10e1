/** `/license export`: the CSV files, sent to the admin. */
export const exportCopy = {
  "export.working": () =>
    "Preparing the export… the files will arrive as a direct message from License Desk.",
  "export.comment": (p: { date: string }) =>
    `License Desk export of ${p.date}: seats, assignments, restore windows and the audit log, as CSV.`,
  "export.title.seats": () => "Seats",
  "export.title.assignments": () => "Assignments",
  "export.title.restore-windows": () => "Restore windows",
  "export.title.audit-log": () => "Audit log",
  "export.done": (p: { summary: string }) => `Sent the export as a direct message. Rows: ${p.summary}.`,
  "export.count": (p: { title: string; rows: number }) => `${p.title.toLowerCase()} ${p.rows}`,
  "export.failed": () => "Slack did not take the files; nothing was sent. Please try again.",
} as const;
