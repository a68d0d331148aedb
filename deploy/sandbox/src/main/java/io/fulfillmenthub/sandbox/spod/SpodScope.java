package io.fulfillmenthub.sandbox.spod;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The OAuth2 scope a SPOD endpoint requires; endpoints without one need no token. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface SpodScope {
    String value();
}
