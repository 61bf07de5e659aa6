/** Saving text the page made (a debrief's Markdown, a room's CSV or JSON) as a file, with no server round trip. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download only after the click's task.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
