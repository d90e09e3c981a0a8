using System.Buffers.Binary;
using System.Text;

namespace CoupleConnect.Bench.Circuits;

/// <summary>
/// An element a render batch inserted, in the output of component <paramref name="ComponentId"/>, with its string
/// attributes and its event handlers' ids.
/// </summary>
public sealed record RenderedElement(int ComponentId, string Name, IReadOnlyDictionary<string, string> Attributes, IReadOnlyDictionary<string, ulong> EventHandlers);

/// <summary>
/// A new event handler id set on an element already in the page (a SetAttribute edit): when a component re-renders with
/// a new delegate, the element stays and only its handler attribute changes, so it is known by its component alone.
/// </summary>
public sealed record HandlerUpdate(int ComponentId, string EventName, ulong EventHandlerId);

/// <summary>What the load client needs from one render batch.</summary>
public sealed record RenderBatchSummary(
    int UpdatedComponents,
    int ReferenceFrames,
    IReadOnlyList<RenderedElement> Elements,
    IReadOnlyList<HandlerUpdate> HandlerUpdates,
    IReadOnlySet<ulong> DisposedEventHandlerIds);

/// <summary>
/// Reads Blazor's binary render batch (the format of the framework's RenderBatchWriter, read in the browser by
/// OutOfProcessRenderBatch): sections of fixed-size entries, their offsets in a 5-int trailer, strings in a table.
/// Each component's edits are walked for the frames they insert (PrependFrame: an element and its subtree) and the
/// attributes they set (SetAttribute), for the elements and event handlers they carry; the client keeps no DOM.
/// Frames are 20 bytes (type + 16), edits 16 bytes (type, sibling index, reference frame index, removed attribute).
/// </summary>
public static class RenderBatchReader
{
    private const int FrameSize = 20;
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;
    private const int RegionFrame = 5;
    private const int EditSize = 16;
    private const int PrependFrameEdit = 1;
    private const int SetAttributeEdit = 3;

    public static RenderBatchSummary Read(ReadOnlySpan<byte> batch)
    {
        if (batch.Length < 20)
        {
            throw new InvalidDataException($"A render batch of {batch.Length} bytes is shorter than its trailer.");
        }

        var trailer = batch.Length - 20;
        var updatedComponentsAt = Int(batch, trailer);
        var referenceFramesAt = Int(batch, trailer + 4);
        var disposedEventHandlersAt = Int(batch, trailer + 12);
        var stringTableAt = Int(batch, trailer + 16);
        if (updatedComponentsAt < 0 || referenceFramesAt < 0 || disposedEventHandlersAt < 0 || stringTableAt < 0 || stringTableAt > trailer)
        {
            throw new InvalidDataException("The render batch's trailer points outside the batch: the format has changed.");
        }

        var strings = new StringTable(batch, stringTableAt, trailer);
        var frameCount = Int(batch, referenceFramesAt);
        var framesAt = referenceFramesAt + 4;
        var elements = new List<RenderedElement>();
        var updates = new List<HandlerUpdate>();
        var diffCount = Int(batch, updatedComponentsAt);
        for (var d = 0; d < diffCount; d++)
        {
            var diffAt = Int(batch, updatedComponentsAt + 4 + d * 4);
            var componentId = Int(batch, diffAt);
            var editCount = Int(batch, diffAt + 4);
            for (var e = 0; e < editCount; e++)
            {
                var editAt = diffAt + 8 + e * EditSize;
                var editType = Int(batch, editAt);
                var frame = Int(batch, editAt + 8);
                if (frame < 0 || frame >= frameCount)
                {
                    continue;
                }

                var frameAt = framesAt + frame * FrameSize;
                if (editType == SetAttributeEdit && Int(batch, frameAt) == AttributeFrame)
                {
                    var handlerId = BinaryPrimitives.ReadUInt64LittleEndian(batch[(frameAt + 12)..]);
                    if (handlerId != 0)
                    {
                        updates.Add(new HandlerUpdate(componentId, strings.Get(Int(batch, frameAt + 4)) ?? string.Empty, handlerId));
                    }
                }
                else if (editType == PrependFrameEdit && Int(batch, frameAt) is ElementFrame or RegionFrame)
                {
                    var subtreeEnd = Math.Min(frameCount, frame + Int(batch, frameAt + 4));
                    for (var i = frame; i < subtreeEnd; i++)
                    {
                        if (Int(batch, framesAt + i * FrameSize) == ElementFrame && ReadElement(batch, strings, framesAt, frameCount, i, componentId) is { } element)
                        {
                            elements.Add(element);
                        }
                    }
                }
            }
        }

        var disposedCount = Int(batch, disposedEventHandlersAt);
        var disposed = new HashSet<ulong>();
        for (var i = 0; i < disposedCount; i++)
        {
            disposed.Add(BinaryPrimitives.ReadUInt64LittleEndian(batch[(disposedEventHandlersAt + 4 + i * 8)..]));
        }

        return new RenderBatchSummary(diffCount, frameCount, elements, updates, disposed);
    }

    /// <summary>The element at frame <paramref name="index"/>, if it has event handlers (its attribute frames follow it).</summary>
    private static RenderedElement? ReadElement(ReadOnlySpan<byte> batch, StringTable strings, int framesAt, int frameCount, int index, int componentId)
    {
        var name = strings.Get(Int(batch, framesAt + index * FrameSize + 8)) ?? string.Empty;
        Dictionary<string, string>? attributes = null;
        Dictionary<string, ulong>? handlers = null;
        for (var j = index + 1; j < frameCount && Int(batch, framesAt + j * FrameSize) == AttributeFrame; j++)
        {
            var attributeAt = framesAt + j * FrameSize;
            var attributeName = strings.Get(Int(batch, attributeAt + 4)) ?? string.Empty;
            var handlerId = BinaryPrimitives.ReadUInt64LittleEndian(batch[(attributeAt + 12)..]);
            if (handlerId != 0)
            {
                (handlers ??= new Dictionary<string, ulong>(StringComparer.Ordinal))[attributeName] = handlerId;
            }
            else if (strings.Get(Int(batch, attributeAt + 8)) is { } value)
            {
                (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[attributeName] = value;
            }
        }

        return handlers is null ? null : new RenderedElement(componentId, name, attributes ?? [], handlers);
    }

    private static int Int(ReadOnlySpan<byte> batch, int at) => BinaryPrimitives.ReadInt32LittleEndian(batch[at..]);

    /// <summary>Strings are BinaryWriter strings (7-bit encoded length, UTF-8); the table holds each one's offset.</summary>
    private readonly ref struct StringTable(ReadOnlySpan<byte> batch, int tableAt, int tableEnd)
    {
        private readonly ReadOnlySpan<byte> _batch = batch;

        public string? Get(int index)
        {
            if (index < 0 || tableAt + index * 4 >= tableEnd)
            {
                return null;
            }

            var at = Int(_batch, tableAt + index * 4);
            var length = 0;
            var shift = 0;
            byte part;
            do
            {
                part = _batch[at++];
                length |= (part & 0x7F) << shift;
                shift += 7;
            }
            while ((part & 0x80) != 0);

            return Encoding.UTF8.GetString(_batch.Slice(at, length));
        }
    }
}
