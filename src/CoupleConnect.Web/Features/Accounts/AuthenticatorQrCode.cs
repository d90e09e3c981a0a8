using QRCoder;

namespace CoupleConnect.Web.Features.Accounts;

/// <summary>Renders the authenticator set-up URI as an SVG QR code on the server: no script, nothing leaves the app.</summary>
public static class AuthenticatorQrCode
{
    public static string ToSvg(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(220, 220), "#2D2424", "#FFFFFF", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
