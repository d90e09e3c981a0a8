using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CoupleConnect.Web.Tests;

/// <summary>
/// bUnit's waits give up after one second by default, which a loaded CI machine can spend before a debounced text box
/// or a thread-pool continuation has rendered. A wait that passes returns as soon as it passes, so a longer limit only
/// slows down a test that fails anyway.
/// </summary>
internal static class ComponentWaits
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly, loaded only by the test runner: one setting for every component test.")]
    internal static void AllowForABusyMachine() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
