// Copying the calendar address. Needs a secure context (HTTPS or localhost); the card falls back to "press and hold".
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
