// Copy and native share for the invite card. Both need a secure context (HTTPS or localhost); callers fall back to text.
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}

export function canShare() {
    return typeof navigator.share === 'function';
}

export async function share(title, text, url) {
    try {
        await navigator.share({ title, text, url });
        return true;
    } catch {
        return false; // dismissed by the person, or not allowed here
    }
}
