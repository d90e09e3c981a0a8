namespace CoupleConnect.Domain.Positives;

/// <summary>
/// The kinds of small positive a partner can notice. Deliberately only positives: there is no way to log a partner's
/// negatives, because noticing what goes well is the habit this builds.
/// </summary>
public enum PositiveKind
{
    SupportiveGesture,
    KindWord,
    Gratitude,
    Help,
    Affection,
    QualityTime,
    Other,
}
