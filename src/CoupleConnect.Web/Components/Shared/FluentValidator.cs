using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CoupleConnect.Web.Components.Shared;

/// <summary>
/// Runs a FluentValidation validator for an <see cref="EditForm"/> (static SSR or interactive) and puts each message
/// at its field, so <c>ValidationMessage</c> shows it beside the input.
/// </summary>
public sealed class FluentValidator<TModel> : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribedContext;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Parameter, EditorRequired]
    public IValidator<TModel> Validator { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidator<TModel>)} must be placed inside an EditForm.");
        }

        if (ReferenceEquals(EditContext, _subscribedContext))
        {
            return;
        }

        Unsubscribe();
        _subscribedContext = EditContext;
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += ValidateModel;
        EditContext.OnFieldChanged += ValidateField;
    }

    public void Dispose() => Unsubscribe();

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        _messages!.Clear();
        var result = Validator.Validate((TModel)_subscribedContext!.Model);
        foreach (var failure in result.Errors)
        {
            _messages.Add(_subscribedContext.Field(failure.PropertyName), failure.ErrorMessage);
        }

        _subscribedContext.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        _messages!.Clear(field);
        var context = new ValidationContext<TModel>((TModel)_subscribedContext!.Model, new FluentValidation.Internal.PropertyChain(), new FluentValidation.Internal.MemberNameValidatorSelector([field.FieldName]));
        foreach (var failure in Validator.Validate(context).Errors)
        {
            _messages.Add(field, failure.ErrorMessage);
        }

        _subscribedContext.NotifyValidationStateChanged();
    }

    private void Unsubscribe()
    {
        if (_subscribedContext is null)
        {
            return;
        }

        _subscribedContext.OnValidationRequested -= ValidateModel;
        _subscribedContext.OnFieldChanged -= ValidateField;
        _subscribedContext = null;
    }
}
