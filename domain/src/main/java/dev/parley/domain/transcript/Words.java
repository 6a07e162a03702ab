package dev.parley.domain.transcript;

/** Counts words: runs of characters between white space. */
public final class Words {
    private Words() {
    }

    public static int count(String text) {
        if (text == null) return 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }
}
