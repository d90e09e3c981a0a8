namespace CoupleConnect.Bench.Circuits;

/// <summary>The elements a circuit clicks in turn, recognised in the render batches by their attributes.</summary>
public sealed class ClickTarget
{
    private readonly (string Label, Func<RenderedElement, bool> Matches)[] _elements;

    private ClickTarget(params (string, Func<RenderedElement, bool>)[] elements) => _elements = elements;

    public int Count => _elements.Length;

    /// <summary>
    /// The dashboard's "Notice something" kind chips (data-kind): alternating between two kinds, every click changes
    /// the selection and so re-renders the chip set — the first of the two taps that log a positive.
    /// </summary>
    public static ClickTarget KindChips(string first, string second) => new(
        ($"the '{first}' kind chip", element => element.Attributes.GetValueOrDefault("data-kind") == first),
        ($"the '{second}' kind chip", element => element.Attributes.GetValueOrDefault("data-kind") == second));

    /// <summary>The template's counter page: its one "Click me" button (class btn-primary).</summary>
    public static ClickTarget CounterButton() => new(
        ("the counter's 'Click me' button", element => element.Name == "button" && element.Attributes.GetValueOrDefault("class")?.Contains("btn-primary", StringComparison.Ordinal) == true));

    public int IndexOf(RenderedElement element)
    {
        for (var i = 0; i < _elements.Length; i++)
        {
            if (_elements[i].Matches(element))
            {
                return i;
            }
        }

        return -1;
    }

    public string Describe(int index) => _elements[index].Label;
}
