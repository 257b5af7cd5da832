package org.credo.credentials.oid4vci;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.credentials.wallet.EarnerSession;
import org.credo.platform.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The earner's "add to a wallet" page: a fresh credential offer as a QR code and a deep link. Only the
 * credential's earner, signed into the wallet, can make one; the pre-authorized code is shown once and never stored.
 */
@Controller
class OfferController {

    static final String VIEW = "wallet/wallet-offer";

    private final IssuedCredentials credentials;
    private final WalletIssuance issuance;

    OfferController(IssuedCredentials credentials, WalletIssuance issuance) {
        this.credentials = credentials;
        this.issuance = issuance;
    }

    @PostMapping("/wallet/credentials/{id}/wallet-offer")
    String offer(@PathVariable UUID id, HttpServletRequest request, Model model) {
        IssuedCredential credential = credentials
                .findAnywhere(id)
                .filter(c -> EarnerSession.owns(request, c.recipientEmail()))
                .orElseThrow(() -> ProblemException.notFound("That credential"));
        if (!credential.displayStatus().equals("Active")) {
            throw ProblemException.conflict(
                    "Not active",
                    "This credential is " + credential.displayStatus().toLowerCase()
                            + "; only an active credential can be added to a wallet.");
        }
        var offer = issuance.offer(credential);
        model.addAttribute("credential", credential);
        model.addAttribute("offer", offer);
        model.addAttribute("qr", qrDataUri(offer.deepLink()));
        model.addAttribute("minutes", Offers.OFFER_VALIDITY.toMinutes());
        return VIEW;
    }

    /** A QR code of a text as a data: URI of a PNG. */
    static String qrDataUri(String text) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            360,
                            360,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 2));
            var png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }
}
